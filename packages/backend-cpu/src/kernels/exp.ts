import { unaryKernel } from './unary-kernel';

/** e^x; overflows to Infinity past ~88.7 in float32 and underflows to 0, as torch.exp. */
export const expKernel = unaryKernel('exp', (x, y) => {
  for (let i = 0; i < x.length; i++) y[i] = Math.exp(x[i]!);
});
