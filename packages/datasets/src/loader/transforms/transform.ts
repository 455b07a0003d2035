import type { Rng } from '@cnnkit/core';

/** One image's shape: channels, height, width. */
export type ImageShape = readonly [c: number, h: number, w: number];

/**
 * A per-sample augmentation or preprocessing step on one planar [c, h, w] image. It returns a new
 * array (it must not write into `sample`) and takes any randomness from `rng`, so a seed fixes
 * the result. A transform whose output shape differs from its input (a crop to another size)
 * says so with `outputShape`; without it, the output has the input's shape.
 */
export type Transform = ((sample: Float32Array, shape: ImageShape, rng: Rng) => Float32Array) & {
  readonly outputShape?: (shape: ImageShape) => ImageShape;
};

/** The shape `transform` returns for an input of `shape`. */
export function transformOutputShape(transform: Transform, shape: ImageShape): ImageShape {
  return transform.outputShape?.(shape) ?? shape;
}
