import type { GradFn } from '../gradient';
import { sumToShape } from './shape-helpers';

/** Every copy of a broadcast value contributes: dy summed back to x's shape. */
export const expandGradient: GradFn<'expand'> = ([dy], { inputs: [x] }) => [sumToShape(dy!, x!.shape)];
