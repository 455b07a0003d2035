import * as tf from '@tensorflow/tfjs-core';

/** Inserts d - 1 zeros between the taps of one axis (0 or 1) of an HWIO filter. */
function dilateAxis(f: tf.Tensor4D, axis: 0 | 1, d: number): tf.Tensor4D {
  if (d === 1) return f;
  const [kH, kW, c, o] = f.shape;
  const k = axis === 0 ? kH : kW;
  const before = axis === 0 ? 1 : kH;
  const after = (axis === 0 ? kW : 1) * c * o;
  // [before, k, 1, after] padded to [before, k, d, after]: every tap followed by d - 1 zeros.
  const spread = tf.pad(tf.reshape(f, [before, k, 1, after]), [[0, 0], [0, 0], [0, d - 1], [0, 0]]);
  const shape: [number, number, number, number] = axis === 0 ? [k * d, kW, c, o] : [kH, k * d, c, o];
  const size = [...shape];
  size[axis] = (k - 1) * d + 1;
  return tf.slice(tf.reshape(spread, shape), [0, 0, 0, 0], size) as tf.Tensor4D;
}

/**
 * An HWIO filter with dilations [dH, dW] written out as the dense filter of its effective size,
 * zeros between the taps: tfjs's transposed convolution takes no dilation, and a dilated
 * convolution is exactly a plain one with this filter.
 */
export function dilateFilter(f: tf.Tensor4D, dilations: readonly [number, number]): tf.Tensor4D {
  return dilateAxis(dilateAxis(f, 0, dilations[0]), 1, dilations[1]);
}
