import type { Kernel } from '@cnnkit/core';
import { cpuTensor, f32 } from '../tensor';
import { inferOutput } from './infer-static-shape';
import { type ReductionView, reductionView } from './reduce-axes';

/**
 * Block maxima. NaN propagates like torch.amax: `v !== v` adopts a NaN, and once the running
 * maximum is NaN no comparison with it is true, so it stays. The maximum of nothing is -Infinity.
 */
function maxBlocks({ data, outer, reduced, inner }: ReductionView): Float32Array {
  const out = new Float32Array(outer * inner).fill(-Infinity);
  if (inner === 1) {
    // Contiguous rows: keep the running maximum in a register.
    for (let o = 0; o < outer; o++) {
      let m = -Infinity;
      for (let at = o * reduced, end = at + reduced; at < end; at++) {
        const v = data[at]!;
        if (v > m || v !== v) m = v;
      }
      out[o] = m;
    }
    return out;
  }
  for (let o = 0; o < outer; o++) {
    const to = o * inner;
    for (let r = 0; r < reduced; r++) {
      const at = (o * reduced + r) * inner;
      for (let i = 0; i < inner; i++) {
        const v = data[at + i]!;
        if (v > out[to + i]! || v !== v) out[to + i] = v;
      }
    }
  }
  return out;
}

/** Maximum over any set of axes (every axis when empty). */
export const reduceMaxKernel: Kernel<'reduceMax'> = (inputs, attrs) => {
  const x = inputs[0]!;
  const { shape } = inferOutput('reduceMax', inputs, attrs);
  return [cpuTensor(maxBlocks(reductionView(f32(x), x.shape, attrs.axes, 'reduceMax')), shape)];
};
