import type { Rng } from '@cnnkit/core';
import { type ImageShape, type Transform, transformOutputShape } from './transform';

/** Applies `transforms` left to right (like torchvision's Compose); each sees the previous one's output shape. */
export function compose(...transforms: Transform[]): Transform {
  const composed = (sample: Float32Array, shape: ImageShape, rng: Rng): Float32Array => {
    let current = sample;
    let currentShape = shape;
    for (const transform of transforms) {
      current = transform(current, currentShape, rng);
      currentShape = transformOutputShape(transform, currentShape);
    }
    return current;
  };
  const outputShape = (shape: ImageShape): ImageShape => transforms.reduce((s, t) => transformOutputShape(t, s), shape);
  return Object.assign(composed, { outputShape });
}
