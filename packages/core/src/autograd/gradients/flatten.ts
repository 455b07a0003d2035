import type { GradFn } from '../gradient';
import { reshapeTo } from './shape-helpers';

/** Same values, so the gradient is dy in x's shape. */
export const flattenGradient: GradFn<'flatten'> = ([dy], { inputs: [x] }) => [reshapeTo(dy!, x!.shape)];
