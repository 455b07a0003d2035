import * as tf from '@tensorflow/tfjs-core';

/** Wraps one axis: the last `begin` entries go before, the first `end` entries after (PyTorch's circular mode). */
function wrapAxis(x: tf.Tensor4D, axis: 2 | 3, begin: number, end: number): tf.Tensor4D {
  if (begin === 0 && end === 0) return x;
  const size = x.shape[axis];
  const part = (from: number, length: number): tf.Tensor4D => {
    const start = [0, 0, 0, 0];
    const extent = [...x.shape];
    start[axis] = from;
    extent[axis] = length;
    return tf.slice(x, start, extent);
  };
  const pieces = [...(begin > 0 ? [part(size - begin, begin)] : []), x, ...(end > 0 ? [part(0, end)] : [])];
  return tf.concat(pieces, axis);
}

/**
 * Circular padding of an NCHW tensor, pads [top, bottom, left, right] (core's shape inference
 * already refused pads larger than the axis). H is wrapped first, then W over the wrapped rows,
 * so the corners come from the opposite corners, as PyTorch's F.pad(mode='circular').
 */
export function circularPad2d(x: tf.Tensor4D, pads: readonly [number, number, number, number]): tf.Tensor4D {
  return wrapAxis(wrapAxis(x, 2, pads[0], pads[1]), 3, pads[2], pads[3]);
}
