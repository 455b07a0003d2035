import { exp, mul, reduceSum, sub } from '../../eager/functional';
import type { GradFn } from '../gradient';

/** dy - softmax(x) * Σ_axis dy, with softmax(x) = exp(y). */
export const logSoftmaxGradient: GradFn<'logSoftmax'> = ([dy], { outputs: [y], attrs }) => [
  sub(dy!, mul(exp(y!), reduceSum(dy!, [attrs.axis], true))),
];
