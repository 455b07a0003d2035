import type { GradFn } from '../gradient';
import { avgPool1dBackward } from './backward-ops';

/** Each dy spread evenly over its window by the forward divisor; the input length is not recoverable from dy. */
export const avgPool1dGradient: GradFn<'avgPool1d'> = ([dy], { inputs: [x], attrs }) => [avgPool1dBackward(dy!, { ...attrs, inputSize: x!.shape.slice(2) })];
