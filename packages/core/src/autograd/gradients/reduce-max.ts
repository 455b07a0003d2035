import { add, div, mul, reduceSum, scalar, sign, sub } from '../../eager/functional';
import type { GradFn } from '../gradient';
import { keptDimsShape, positiveAxes, reshapeTo } from './shape-helpers';

/**
 * dy goes to the maxima, split evenly among ties (torch.amax's rule). x - max is 0 at a maximum
 * and negative elsewhere, so 1 + sign(x - max) is the 0/1 mask of the maxima.
 */
export const reduceMaxGradient: GradFn<'reduceMax'> = ([dy], { inputs: [x], outputs: [y], attrs }) => {
  const axes = positiveAxes(attrs.axes, x!.rank);
  const kept = keptDimsShape(x!.shape, axes);
  const isMax = add(scalar(1), sign(sub(x!, reshapeTo(y!, kept))));
  const ties = reduceSum(isMax, axes, true);
  return [div(mul(isMax, reshapeTo(dy!, kept)), ties)];
};
