import { type Kernel, sizeOf } from '@cnnkit/core';
import { cpuTensor, f32, i32 } from '../tensor';
import { WASM_ELEMENTWISE_MIN, wasmBinary, wasmElementwiseAvailable } from '../gemm/wasm/elementwise';
import { forEachBroadcastRun } from './broadcast-runs';
import { inferOutputShape } from './infer-output';

/**
 * Computes one run of a binary op: out[oi + i] = a[ai + i * sa] (op) b[bi + i * sb] for i < n.
 * Each op supplies its own loop so the loop body stays monomorphic and inlined.
 */
export type BinaryRun<T extends Float32Array | Int32Array> = (
  n: number, a: T, ai: number, sa: number, b: T, bi: number, sb: number, out: T, oi: number,
) => void;

export type BinaryOp = 'add' | 'sub' | 'mul' | 'div';

export interface BinaryRuns {
  readonly float32: BinaryRun<Float32Array>;
  readonly int32: BinaryRun<Int32Array>;
  /** Called on b before any run when the output is not empty (int32 division checks for zeros). */
  readonly checkInt32Divisor?: (b: Int32Array) => void;
}

/** An elementwise kernel with NumPy broadcasting; both inputs float32 or both int32 (checked by inference). */
export function binaryKernel<K extends BinaryOp>(op: K, runs: BinaryRuns): Kernel<K> {
  return (inputs, attrs) => {
    const shape = inferOutputShape(op, inputs, attrs);
    const [ta, tb] = [inputs[0]!, inputs[1]!];
    const size = sizeOf(shape);
    if (ta.dtype === 'int32') {
      const a = i32(ta);
      const b = i32(tb);
      const out = new Int32Array(size);
      if (size > 0) runs.checkInt32Divisor?.(b);
      const run = runs.int32;
      forEachBroadcastRun(ta.shape, tb.shape, shape, (n, ai, sa, bi, sb, oi) => run(n, a, ai, sa, b, bi, sb, out, oi));
      return [cpuTensor(out, shape)];
    }
    const a = f32(ta);
    const b = f32(tb);
    const out = new Float32Array(size);
    // Same shapes or one operand a single value, large: the wasm module's f32x4 loop (same bits;
    // the JavaScript loop costs 2–5 ns a value here, the copies in and out under 1).
    if (size >= WASM_ELEMENTWISE_MIN && (a.length === size || a.length === 1) && (b.length === size || b.length === 1) && wasmElementwiseAvailable()) {
      wasmBinary(op, a, b, out);
      return [cpuTensor(out, shape)];
    }
    const run = runs.float32;
    forEachBroadcastRun(ta.shape, tb.shape, shape, (n, ai, sa, bi, sb, oi) => run(n, a, ai, sa, b, bi, sb, out, oi));
    return [cpuTensor(out, shape)];
  };
}
