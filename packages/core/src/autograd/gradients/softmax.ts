import { mul, reduceSum, sub } from '../../eager/functional';
import type { GradFn } from '../gradient';

/** y * (dy - Σ_axis dy * y): the softmax Jacobian diag(y) - y yᵀ applied to dy along the axis. */
export const softmaxGradient: GradFn<'softmax'> = ([dy], { outputs: [y], attrs }) => [
  mul(y!, sub(dy!, reduceSum(mul(dy!, y!), [attrs.axis], true))),
];
