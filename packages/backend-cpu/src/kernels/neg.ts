import { unaryKernel } from './unary-kernel';

/** -x (NaN stays NaN, 0 becomes -0 as in IEEE and torch.neg). */
export const negKernel = unaryKernel('neg', (x, y) => {
  for (let i = 0; i < x.length; i++) y[i] = -x[i]!;
});
