import type { MaxPoolAttrs } from '@cnnkit/core';
import * as tf from '@tensorflow/tfjs-core';
import { type PoolGeometry, fromPlanes, paddedWindows, poolGeometry } from './pooling';

/**
 * The max of every window of padded planes that the windows tile exactly (paddedPlanes). Without
 * dilation that is tfjs's valid maxPool; tfjs's pools take no dilation together with a stride, so
 * a dilated pool takes the max over its kH·kW taps, each a strided slice of the planes.
 */
function windowMax(planes: tf.Tensor4D, g: PoolGeometry): tf.Tensor4D {
  const { h, w } = g;
  if (h.dilation === 1 && w.dilation === 1) return tf.maxPool(planes, [h.kernel, w.kernel], [h.stride, w.stride], 'valid');
  let y: tf.Tensor4D | undefined;
  for (let kh = 0; kh < h.kernel; kh++) {
    for (let kw = 0; kw < w.kernel; kw++) {
      const begin = [0, kh * h.dilation, kw * w.dilation, 0];
      const end = [planes.shape[0], begin[1]! + (h.outSize - 1) * h.stride + 1, begin[2]! + (w.outSize - 1) * w.stride + 1, planes.shape[3]];
      const tap = tf.stridedSlice(planes, begin, end, [1, h.stride, w.stride, 1]) as tf.Tensor4D;
      y = y ? tf.maximum<tf.Tensor4D>(y, tap) : tap;
    }
  }
  return y!;
}

/**
 * Max pools with PyTorch's semantics. Padding never wins: it is -Infinity, so a window's max is
 * that of its real elements. ceilMode's overhanging last window reads padding added past the end
 * (paddedPlanes). A NaN anywhere in a window makes it NaN, which tfjs's maxPool does not do (it
 * skips NaN): the windows of a NaN mask, pooled the same way, put NaN back where it belongs.
 */
export function maxPool(op: 'maxPool1d' | 'maxPool2d', inputs: readonly tf.Tensor[], attrs: MaxPoolAttrs): tf.Tensor[] {
  const x = inputs[0]!;
  const g = poolGeometry(op, x, attrs);
  const planes = tf.reshape(x, [x.shape[0]! * x.shape[1]!, g.h.inSize, g.w.inSize, 1]) as tf.Tensor4D;
  return [fromPlanes(maxPoolWindows(planes, g), g)];
}

/** The NaN-propagating max pool of an [A, H, W, B] tensor (planes, or an NHWC batch), geometry g. */
export function maxPoolWindows(x: tf.Tensor4D, g: PoolGeometry): tf.Tensor4D {
  const y = windowMax(paddedWindows(x, g, -Infinity), g);
  const nanWindows = windowMax(paddedWindows(tf.cast(tf.isNaN(x), 'float32') as tf.Tensor4D, g, 0), g);
  // sqrt(−1) is NaN and sqrt(−0) is −0, and y + (−0) is y exactly: NaN lands where a window held
  // one, every other value is unchanged (cheaper on wasm than greater + fill + where).
  return tf.add(y, tf.sqrt(tf.neg(nanWindows)));
}
