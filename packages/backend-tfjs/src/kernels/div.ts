import { type StaticShape, CnnkitError, sizeOf } from '@cnnkit/core';
import * as tf from '@tensorflow/tfjs-core';
import { binaryKernel } from './binary';

/**
 * int32 a / b truncated toward zero, as the reference (C, torch.div(rounding_mode='trunc')).
 * tfjs's int32 division floors; the floor is one below the truncation exactly when the division
 * is inexact and the signs differ. -2^31 / -1 wraps to -2^31 in both.
 */
function truncatingDiv(a: tf.Tensor, b: tf.Tensor): tf.Tensor {
  const floor = tf.floorDiv(a, b);
  const inexact = tf.notEqual(tf.sub(a, tf.mul(floor, b)), 0);
  const signsDiffer = tf.notEqual(tf.less(a, 0), tf.less(b, 0));
  return tf.add(floor, tf.cast(tf.logicalAnd(inexact, signsDiffer), 'int32'));
}

/** Reads the divisor (int32 only): an int32 zero divisor is the reference's error, never a value. */
function checkInt32Divisor(b: tf.Tensor, outShape: StaticShape): void {
  if (sizeOf(outShape) === 0) return;
  const at = (b.dataSync() as Int32Array).indexOf(0);
  if (at >= 0) {
    throw new CnnkitError('INVALID_ARGUMENT', `div: int32 division by zero (divisor 'b' holds 0 at flat index ${at}); expected every int32 divisor non-zero`, { index: at });
  }
}

/** a / b. float32 follows IEEE (x / 0 is ±Infinity, 0 / 0 is NaN), as PyTorch does. */
export const divKernel = binaryKernel('div', (a, b, outShape) => {
  if (a.dtype !== 'int32') return tf.div(a, b);
  checkInt32Divisor(b, outShape);
  return truncatingDiv(a, b);
});
