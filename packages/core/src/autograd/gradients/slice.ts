import { concat, zeros } from '../../eager/functional';
import { sliceBounds } from '../../ops/slice-expand';
import { normalizeAxis } from '../../tensor/shape';
import type { Tensor } from '../../tensor/tensor';
import type { GradFn } from '../gradient';

/** dy padded back to x's shape with zeros before and after the kept range, one sliced axis at a time. */
export const sliceGradient: GradFn<'slice'> = ([dy], { inputs: [x], attrs }) => {
  if (dy!.size === 0) return [zeros(x!.shape)];
  let g = dy!;
  attrs.axes.forEach((a, i) => {
    const axis = normalizeAxis(a, x!.rank, 'slice gradient');
    const size = x!.shape[axis]!;
    const [start, end] = sliceBounds(attrs.starts[i]!, attrs.ends[i]!, size);
    const zerosAlong = (n: number): Tensor => zeros(g.shape.map((d, k) => (k === axis ? n : d)));
    const parts = [...(start > 0 ? [zerosAlong(start)] : []), g, ...(end < size ? [zerosAlong(size - end)] : [])];
    if (parts.length > 1) g = concat(parts, axis);
  });
  return [g];
};
