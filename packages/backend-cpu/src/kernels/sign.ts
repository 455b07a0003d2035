import { unaryKernel } from './unary-kernel';

/** -1, 0 or 1 by the sign of x; Math.sign keeps NaN as NaN and ±0 as 0, as torch.sign does. */
export const signKernel = unaryKernel('sign', (x, y) => {
  for (let i = 0; i < x.length; i++) y[i] = Math.sign(x[i]!);
});
