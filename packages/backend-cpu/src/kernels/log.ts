import { unaryKernel } from './unary-kernel';

/** Natural logarithm: log 0 = -Infinity, log of a negative = NaN (Math.log's IEEE rules, as torch.log). */
export const logKernel = unaryKernel('log', (x, y) => {
  for (let i = 0; i < x.length; i++) y[i] = Math.log(x[i]!);
});
