import { reduceSum } from '../../eager/functional';
import type { GradFn } from '../gradient';
import { conv1dBackwardFilter, conv1dBackwardInput } from './backward-ops';

/** dx = conv1dBackwardInput(dy, w), dw = conv1dBackwardFilter(x, dy), db = Σ dy over N and L. */
export const conv1dGradient: GradFn<'conv1d'> = ([dy], { inputs: [x, w, b], attrs, needsGrad }) => [
  needsGrad[0] ? conv1dBackwardInput(dy!, w!, { ...attrs, inputSize: x!.shape.slice(2) }) : undefined,
  needsGrad[1] ? conv1dBackwardFilter(x!, dy!, { ...attrs, kernelSize: w!.shape.slice(2) }) : undefined,
  b && needsGrad[2] ? reduceSum(dy!, [0, 2]) : undefined,
];
