import { type Kernel, type StaticShape, sizeOf } from '@cnnkit/core';
import { gemm } from '../gemm/gemm';
import { cpuTensor, f32 } from '../tensor';
import { forEachBroadcastRun } from './broadcast-runs';
import { inferOutputShape } from './infer-output';

/**
 * a[..., m, k] @ b[..., k, n] with NumPy-broadcast batch axes: one GEMM per output matrix,
 * addressed in place by offsets (no broadcast copies). When b is a single matrix and a's batch
 * is contiguous, the whole batch is one [B*m, k] @ [k, n] GEMM, which the GEMM blocks far better.
 */
export const matmulKernel: Kernel<'matmul'> = (inputs, attrs) => {
  const shape = inferOutputShape('matmul', inputs, attrs);
  const [ta, tb] = [inputs[0]!, inputs[1]!];
  const a = f32(ta);
  const b = f32(tb);
  const m = ta.shape[ta.rank - 2]!;
  const k = ta.shape[ta.rank - 1]!;
  const n = tb.shape[tb.rank - 1]!;
  const out = new Float32Array(sizeOf(shape));
  // An empty product is all zeros, which the fresh array already holds.
  if (out.length === 0 || k === 0) return [cpuTensor(out, shape)];

  const aBatch: StaticShape = ta.shape.slice(0, -2);
  const bBatch: StaticShape = tb.shape.slice(0, -2);
  if (sizeOf(bBatch) === 1) {
    gemm(sizeOf(aBatch) * m, n, k, a, 0, k, false, b, 0, n, false, out, 0, n, 0);
    return [cpuTensor(out, shape)];
  }
  const aSize = m * k;
  const bSize = k * n;
  const outSize = m * n;
  forEachBroadcastRun(aBatch, bBatch, shape.slice(0, -2), (count, ai, sa, bi, sb, oi) => {
    for (let i = 0; i < count; i++) {
      gemm(m, n, k, a, (ai + i * sa) * aSize, k, false, b, (bi + i * sb) * bSize, n, false, out, (oi + i) * outSize, n, 0);
    }
  });
  return [cpuTensor(out, shape)];
};
