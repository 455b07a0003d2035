import { WASM_ELEMENTWISE_MIN, wasmElementwiseAvailable, wasmSign } from '../gemm/wasm/elementwise';
import { unaryKernel } from './unary-kernel';

/**
 * -1, 0 or 1 by the sign of x; Math.sign gives ±0 for ±0 and keeps NaN as NaN, the op's contract
 * (numpy and ONNX Runtime agree; torch.sign(NaN) is 0, pytorch/pytorch#41245). Large tensors go
 * through the wasm module's branch-free sign (same values; relu's gradient uses it every step).
 */
export const signKernel = unaryKernel('sign', (x, y) => {
  if (x.length >= WASM_ELEMENTWISE_MIN && wasmElementwiseAvailable()) {
    wasmSign(x, y);
    return;
  }
  for (let i = 0; i < x.length; i++) y[i] = Math.sign(x[i]!);
});
