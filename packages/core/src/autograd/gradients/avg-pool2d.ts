import type { GradFn } from '../gradient';
import { avgPool2dBackward } from './backward-ops';

/** Each dy spread evenly over its window by the forward divisor; the input size is not recoverable from dy. */
export const avgPool2dGradient: GradFn<'avgPool2d'> = ([dy], { inputs: [x], attrs }) => [avgPool2dBackward(dy!, { ...attrs, inputSize: x!.shape.slice(2) })];
