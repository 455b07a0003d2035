import type * as tf from '@tensorflow/tfjs-core';

/** Axes 2.. of an NCHW / NCL tensor. */
export function spatialAxes(x: tf.Tensor): number[] {
  return Array.from({ length: x.rank - 2 }, (_, i) => i + 2);
}
