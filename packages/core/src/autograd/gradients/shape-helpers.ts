import { reduceSum, reshape, zeros } from '../../eager/functional';
import { type StaticShape, shapesEqual, sizeOf } from '../../tensor/shape';
import type { Tensor } from '../../tensor/tensor';

/**
 * reshape to an exact static shape. The reshape op reads a 0 in its target as "copy this
 * dimension" (ONNX), so an empty target is made directly: it holds no values anyway.
 */
export function reshapeTo(x: Tensor, shape: StaticShape): Tensor {
  if (shapesEqual(x.shape, shape)) return x;
  return sizeOf(shape) === 0 ? zeros(shape) : reshape(x, shape);
}

/**
 * The gradient of a broadcast: sums g (of the broadcast shape) back down to `shape`, over the
 * leading axes `shape` lacks and the axes where `shape` has 1 and g does not.
 */
export function sumToShape(g: Tensor, shape: StaticShape): Tensor {
  if (shapesEqual(g.shape, shape)) return g;
  const lead = g.rank - shape.length;
  const axes: number[] = [];
  g.shape.forEach((d, i) => {
    if (i < lead || (shape[i - lead] === 1 && d !== 1)) axes.push(i);
  });
  // reduceSum with no axes would sum everything, so an axis-free change is a plain reshape.
  const summed = axes.length > 0 ? reduceSum(g, axes, true) : g;
  return reshapeTo(summed, shape);
}

/** `shape` with the reduced axes (non-negative; empty = every axis) set to 1: a reduction's keepDims shape. */
export function keptDimsShape(shape: StaticShape, axes: readonly number[]): number[] {
  return shape.map((d, i) => (axes.length === 0 || axes.includes(i) ? 1 : d));
}

/** A reduction's axes as non-negative numbers; empty stays empty (every axis). */
export function positiveAxes(axes: readonly number[], rank: number): number[] {
  return axes.map((a) => (a < 0 ? a + rank : a));
}
