import { neg } from '../../eager/functional';
import type { GradFn } from '../gradient';
import { sumToShape } from './shape-helpers';

/** d(a - b): dy for a, -dy for b, each summed back over its broadcast axes. */
export const subGradient: GradFn<'sub'> = ([dy], { inputs: [a, b] }) => [sumToShape(dy!, a!.shape), sumToShape(neg(dy!), b!.shape)];
