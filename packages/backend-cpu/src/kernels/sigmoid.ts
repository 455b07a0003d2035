import { unaryKernel } from './unary-kernel';

/**
 * 1 / (1 + exp(-x)), evaluated so exp never overflows: for x < 0 the equal form
 * exp(x) / (1 + exp(x)) is used, so large |x| saturates to 0 or 1 instead of Infinity / Infinity.
 */
export const sigmoidKernel = unaryKernel('sigmoid', (x, y) => {
  for (let i = 0; i < x.length; i++) {
    const v = x[i]!;
    if (v >= 0) {
      y[i] = 1 / (1 + Math.exp(-v));
    } else {
      const e = Math.exp(v);
      y[i] = e / (1 + e);
    }
  }
});
