import { mul, relu, sign } from '../../eager/functional';
import type { GradFn } from '../gradient';

/** dy where x > 0, else 0 (0 at x = 0, as PyTorch): relu(sign(x)) is that 0/1 mask. */
export const reluGradient: GradFn<'relu'> = ([dy], { inputs: [x] }) => [mul(dy!, relu(sign(x!)))];
