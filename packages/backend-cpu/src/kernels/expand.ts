import { type Kernel, allocate, sizeOf } from '@cnnkit/core';
import { cpuTensor, values } from '../tensor';
import { forEachBroadcastRun } from './broadcast-runs';
import { inferOutputShape } from './infer-output';

/** Runs at least this long are copied with TypedArray.set (a memcpy); shorter ones by a loop. */
const MEMCPY_MIN = 64;

/**
 * ONNX Expand: x broadcast to broadcast(x.shape, shape). The broadcast walk hands over long runs
 * in which x either varies (a copy) or is repeated (a fill).
 */
export const expandKernel: Kernel<'expand'> = (inputs, attrs) => {
  const shape = inferOutputShape('expand', inputs, attrs);
  const x = inputs[0]!;
  const src = values(x);
  const out = allocate(x.dtype, sizeOf(shape));
  // The second operand is the output itself: it never broadcasts, so only x shapes the runs.
  forEachBroadcastRun(x.shape, shape, shape, (n, xi, sx, _oi2, _so, oi) => {
    if (sx === 0) out.fill(src[xi]!, oi, oi + n);
    else if (n >= MEMCPY_MIN) out.set(src.subarray(xi, xi + n), oi);
    else for (let i = 0; i < n; i++) out[oi + i] = src[xi + i]!;
  });
  return [cpuTensor(out, shape)];
};
