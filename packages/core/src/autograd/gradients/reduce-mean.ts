import { expand, mul, scalar } from '../../eager/functional';
import type { GradFn } from '../gradient';
import { keptDimsShape, positiveAxes, reshapeTo } from './shape-helpers';

/** dy / (number of values averaged), broadcast back over the reduced axes. */
export const reduceMeanGradient: GradFn<'reduceMean'> = ([dy], { inputs: [x], attrs }) => {
  const kept = keptDimsShape(x!.shape, positiveAxes(attrs.axes, x!.rank));
  const count = x!.size / Math.max(1, kept.reduce((a, b) => a * b, 1));
  return [mul(expand(reshapeTo(dy!, kept), x!.shape), scalar(1 / count))];
};
