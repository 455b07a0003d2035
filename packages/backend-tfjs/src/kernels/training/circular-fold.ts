import * as tf from '@tensorflow/tfjs-core';
import { placeAxis } from './place-axis';

/**
 * The adjoint of circular padding along one axis of a padded gradient of length
 * begin + size + end: the middle is the input's own gradient, the `begin` wrapped entries came
 * from the input's last `begin` positions and the `end` ones from its first `end`, so those
 * parts are added back where they were copied from.
 */
function foldAxis(g: tf.Tensor4D, axis: 2 | 3, begin: number, end: number): tf.Tensor4D {
  if (begin === 0 && end === 0) return g;
  const size = g.shape[axis] - begin - end;
  let folded = placeAxis(g, axis, -begin, size);
  if (begin > 0) folded = tf.add(folded, placeAxis(placeAxis(g, axis, 0, begin), axis, size - begin, size));
  if (end > 0) folded = tf.add(folded, placeAxis(g, axis, -(begin + size), size));
  return folded;
}

/**
 * Gradient of circularPad2d (../circular-pad.ts): folds an NCHW gradient of the padded input,
 * pads [top, bottom, left, right], back onto the input. The two axes are padded independently,
 * so they fold independently (corners travel through both folds, as they were copied through both wraps).
 */
export function circularFold2d(g: tf.Tensor4D, pads: readonly [number, number, number, number]): tf.Tensor4D {
  return foldAxis(foldAxis(g, 3, pads[2], pads[3]), 2, pads[0], pads[1]);
}
