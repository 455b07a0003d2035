import { mul, sign } from '../../eager/functional';
import type { GradFn } from '../gradient';

/**
 * dy where x > 0, else 0 (0 at x = 0, as PyTorch). The mask is sign(y) of the output y = relu(x):
 * 1 where x > 0, 0 (of x's sign at ±0) elsewhere, NaN where x is NaN — what relu(sign(x)) gives,
 * in one op less over the activation.
 */
export const reluGradient: GradFn<'relu'> = ([dy], { outputs: [y] }) => [mul(dy!, sign(y!))];
