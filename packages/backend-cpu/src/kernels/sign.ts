import { unaryKernel } from './unary-kernel';

/**
 * -1, 0 or 1 by the sign of x; Math.sign gives ±0 for ±0 and keeps NaN as NaN, the op's contract
 * (numpy and ONNX Runtime agree; torch.sign(NaN) is 0, pytorch/pytorch#41245).
 */
export const signKernel = unaryKernel('sign', (x, y) => {
  for (let i = 0; i < x.length; i++) y[i] = Math.sign(x[i]!);
});
