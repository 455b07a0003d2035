import { WASM_ELEMENTWISE_MIN, wasmElementwiseAvailable, wasmRelu } from '../gemm/wasm/elementwise';
import { unaryKernel } from './unary-kernel';

/**
 * max(x, 0); NaN stays NaN (as torch.relu), since NaN > 0 is false but NaN is not < 0 either.
 * Large tensors go through the wasm module's branch-free relu (same rule, same bits).
 */
export const reluKernel = unaryKernel('relu', (x, y) => {
  if (x.length >= WASM_ELEMENTWISE_MIN && wasmElementwiseAvailable()) {
    wasmRelu(x, y);
    return;
  }
  for (let i = 0; i < x.length; i++) {
    const v = x[i]!;
    y[i] = v < 0 ? 0 : v;
  }
});
