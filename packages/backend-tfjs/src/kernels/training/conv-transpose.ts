import * as tf from '@tensorflow/tfjs-core';
import { useNativeTransposedConv } from './engine-kernels';
import { placeAxis } from './place-axis';

/**
 * The transposed convolution as a plain one, for engines whose convolution is much faster than
 * their transposed convolution (engine-kernels.ts). Along each axis, with u = dy with s − 1 zeros
 * after every entry and wD the dense (dilated) filter of extent kEff,
 *   dFrame[i] = Σ_j u[i − j]·wD[j]
 * which is a valid convolution of u, kEff − 1 zeros in front and padded or cut to frame + kEff − 1,
 * with the filter flipped in space and its in / out channels swapped.
 */
export function convTransposeAsConv(dy: tf.Tensor4D, filter: tf.Tensor4D, frame: readonly [number, number, number, number], strides: [number, number]): tf.Tensor4D {
  const [n, outH, outW, outChannels] = dy.shape;
  const [kH, kW] = filter.shape;
  let u = dy;
  if (strides[0] > 1 || strides[1] > 1) {
    const spread = tf.pad(tf.reshape(dy, [n, outH, 1, outW, 1, outChannels]), [[0, 0], [0, 0], [0, strides[0] - 1], [0, 0], [0, strides[1] - 1], [0, 0]]);
    u = tf.reshape(spread, [n, outH * strides[0], outW * strides[1], outChannels]);
  }
  u = placeAxis(placeAxis(u, 1, kH - 1, frame[1] + kH - 1), 2, kW - 1, frame[2] + kW - 1);
  const flipped = tf.transpose(tf.reverse(filter, [0, 1]), [0, 1, 3, 2]);
  return tf.conv2d(u, flipped, 1, 'valid');
}

/**
 * A 'valid' transposed convolution onto `frame` (NHWC, filter [kH, kW, frame channels, dy
 * channels]): tfjs's conv2dTranspose, or convTransposeAsConv where that is faster
 * (engine-kernels.ts), unless `native` says which.
 */
export function convTranspose(dy: tf.Tensor4D, filter: tf.Tensor4D, frame: readonly [number, number, number, number], strides: [number, number], native = useNativeTransposedConv()): tf.Tensor4D {
  return native ? tf.conv2dTranspose(dy, filter, [...frame], strides, 'valid') : convTransposeAsConv(dy, filter, frame, strides);
}
