import { mul, sign } from '../../eager/functional';
import type { GradFn } from '../gradient';

/** dy * sign(x): 0 at x = 0, as PyTorch. */
export const absGradient: GradFn<'abs'> = ([dy], { inputs: [x] }) => [mul(dy!, sign(x!))];
