import { expand, mul, scalar } from '../../eager/functional';
import { sizeOf } from '../../tensor/shape';
import type { GradFn } from '../gradient';

/** Every position of a channel's plane gets dy / (number of positions). */
export const globalAvgPoolGradient: GradFn<'globalAvgPool'> = ([dy], { inputs: [x] }) => [
  mul(expand(dy!, x!.shape), scalar(1 / sizeOf(x!.shape.slice(2)))),
];
