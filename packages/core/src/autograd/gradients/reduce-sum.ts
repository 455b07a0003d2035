import { expand } from '../../eager/functional';
import type { GradFn } from '../gradient';
import { keptDimsShape, positiveAxes, reshapeTo } from './shape-helpers';

/** Every summed value contributes once: dy broadcast back over the reduced axes. */
export const reduceSumGradient: GradFn<'reduceSum'> = ([dy], { inputs: [x], attrs }) => [
  expand(reshapeTo(dy!, keptDimsShape(x!.shape, positiveAxes(attrs.axes, x!.rank))), x!.shape),
];
