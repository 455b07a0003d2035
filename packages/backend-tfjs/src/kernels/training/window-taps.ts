import * as tf from '@tensorflow/tfjs-core';
import type { PoolGeometry } from '../pooling';
import { dilateFilter } from './dilate-filter';

/**
 * im2col and col2im for pools as convolutions, which every engine runs fast (wasm: XNNPACK),
 * unlike strided slices and gathers. The filter [kH, kW, 1, K] is one-hot: output channel
 * k = kh·kW + kw copies tap (kh, kw) of its window. Copying through a convolution is exact for
 * finite values only (the other taps contribute 0·v, and 0·Infinity is NaN), so callers give it
 * finite planes.
 */
function oneHotFilter(g: PoolGeometry): tf.Tensor4D {
  const count = g.h.kernel * g.w.kernel;
  const values = new Float32Array(count * count);
  for (let k = 0; k < count; k++) values[k * count + k] = 1;
  return tf.tensor4d(values, [g.h.kernel, g.w.kernel, 1, count]);
}

/**
 * Every window's taps of finite planes [P, Hc, Wc, 1] that the windows tile exactly (pooling.ts's
 * paddedPlanes), as [P, outH·outW, K]. tfjs refuses a stride and a dilation both above 1 in one
 * convolution: then it runs at stride 1 and every stride-th window is kept.
 */
export function windowTaps(planes: tf.Tensor4D, g: PoolGeometry): tf.Tensor3D {
  const { h, w } = g;
  const strided = h.stride > 1 || w.stride > 1;
  const dilated = h.dilation > 1 || w.dilation > 1;
  const dilations: [number, number] = [h.dilation, w.dilation];
  let taps = tf.conv2d(planes, oneHotFilter(g), strided && dilated ? 1 : [h.stride, w.stride], 'valid', 'NHWC', dilations);
  if (strided && dilated) taps = tf.stridedSlice(taps, [0, 0, 0, 0], taps.shape, [1, h.stride, w.stride, 1]) as tf.Tensor4D;
  return tf.reshape(taps, [planes.shape[0], h.outSize * w.outSize, h.kernel * w.kernel]);
}

/**
 * The adjoint of windowTaps: per-tap values [P, outH·outW, K] added back onto the planes' frame
 * [P, Hc, Wc, 1], windows that share an element adding up (a transposed convolution with the
 * one-hot filter; the dilation is zeros written into the filter).
 */
export function addTapsToPlanes(taps: tf.Tensor3D, g: PoolGeometry, frame: readonly [number, number, number, number]): tf.Tensor4D {
  const { h, w } = g;
  const perWindow = tf.reshape(taps, [taps.shape[0], h.outSize, w.outSize, h.kernel * w.kernel]) as tf.Tensor4D;
  return tf.conv2dTranspose(perWindow, dilateFilter(oneHotFilter(g), [h.dilation, w.dilation]), [...frame], [h.stride, w.stride], 'valid');
}
