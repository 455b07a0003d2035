import { reduceSum } from '../../eager/functional';
import type { GradFn } from '../gradient';
import { conv2dBackwardFilter, conv2dBackwardInput } from './backward-ops';

/** dx = conv2dBackwardInput(dy, w), dw = conv2dBackwardFilter(x, dy), db = Σ dy over N, H and W. */
export const conv2dGradient: GradFn<'conv2d'> = ([dy], { inputs: [x, w, b], attrs, needsGrad }) => [
  needsGrad[0] ? conv2dBackwardInput(dy!, w!, { ...attrs, inputSize: x!.shape.slice(2) }) : undefined,
  needsGrad[1] ? conv2dBackwardFilter(x!, dy!, { ...attrs, kernelSize: w!.shape.slice(2) }) : undefined,
  b && needsGrad[2] ? reduceSum(dy!, [0, 2, 3]) : undefined,
];
