import { mul } from '../../eager/functional';
import type { GradFn } from '../gradient';
import { sumToShape } from './shape-helpers';

/** d(a * b): dy * b for a, dy * a for b, each summed back over its broadcast axes. */
export const mulGradient: GradFn<'mul'> = ([dy], { inputs: [a, b] }) => [sumToShape(mul(dy!, b!), a!.shape), sumToShape(mul(dy!, a!), b!.shape)];
