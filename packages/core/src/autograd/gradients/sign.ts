import { zeros } from '../../eager/functional';
import type { GradFn } from '../gradient';

/** Piecewise constant: the gradient is zero (defined, as in PyTorch, so x still counts as reached). */
export const signGradient: GradFn<'sign'> = (_dys, { inputs: [x] }) => [zeros(x!.shape)];
