import * as tf from '@tensorflow/tfjs-core';

/**
 * Moves a tensor along one axis: element i lands at i + offset of an axis of length `size`;
 * what falls outside is cut off and what is uncovered is zero. Pads (offset > 0), crops
 * (offset < 0) or both, so backward kernels can go between an input and its padded frame
 * (whose end may stop short of the input when a strided window never reaches the last rows).
 */
export function placeAxis<T extends tf.Tensor>(t: T, axis: number, offset: number, size: number): T {
  const length = t.shape[axis]!;
  if (offset === 0 && length === size) return t;
  const cut = Math.max(-offset, 0);
  const start = Math.max(offset, 0);
  const keep = Math.max(Math.min(length - cut, size - start), 0);
  const begin = new Array<number>(t.rank).fill(0);
  const extent = [...t.shape];
  begin[axis] = cut;
  extent[axis] = keep;
  const kept = keep === length ? t : tf.slice(t, begin, extent);
  if (start === 0 && keep === size) return kept as T;
  const paddings = t.shape.map((): [number, number] => [0, 0]);
  paddings[axis] = [start, size - start - keep];
  return tf.pad(kept, paddings) as T;
}
