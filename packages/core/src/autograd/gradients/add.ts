import type { GradFn } from '../gradient';
import { sumToShape } from './shape-helpers';

/** d(a + b) = dy for both, summed back over the axes each was broadcast along. */
export const addGradient: GradFn<'add'> = ([dy], { inputs: [a, b] }) => [sumToShape(dy!, a!.shape), sumToShape(dy!, b!.shape)];
