import { unaryKernel } from './unary-kernel';

/** Square root: sqrt of a negative = NaN, sqrt(-0) = -0 (IEEE, as torch.sqrt). */
export const sqrtKernel = unaryKernel('sqrt', (x, y) => {
  for (let i = 0; i < x.length; i++) y[i] = Math.sqrt(x[i]!);
});
