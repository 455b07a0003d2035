import { unaryKernel } from './unary-kernel';

/** |x|; NaN stays NaN. */
export const absKernel = unaryKernel('abs', (x, y) => {
  for (let i = 0; i < x.length; i++) y[i] = Math.abs(x[i]!);
});
