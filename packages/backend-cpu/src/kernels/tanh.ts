import { unaryKernel } from './unary-kernel';

/** Hyperbolic tangent; Math.tanh saturates to ±1 for large |x| without overflow. */
export const tanhKernel = unaryKernel('tanh', (x, y) => {
  for (let i = 0; i < x.length; i++) y[i] = Math.tanh(x[i]!);
});
