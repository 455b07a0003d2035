import { slice } from '../../eager/functional';
import { normalizeAxis } from '../../tensor/shape';
import type { GradFn } from '../gradient';

/** Each input gets its own stretch of dy along the axis. */
export const concatGradient: GradFn<'concat'> = ([dy], { inputs, attrs }) => {
  const axis = normalizeAxis(attrs.axis, dy!.rank, 'concat gradient');
  let offset = 0;
  return inputs.map((x) => {
    const start = offset;
    offset += x.shape[axis]!;
    return slice(dy!, [start], [offset], [axis]);
  });
};
