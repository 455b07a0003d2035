import type { GradFn } from '../gradient';
import { reshapeTo } from './shape-helpers';

/** Same values, so the gradient is dy in x's shape. */
export const reshapeGradient: GradFn<'reshape'> = ([dy], { inputs: [x] }) => [reshapeTo(dy!, x!.shape)];
