import * as tf from '@tensorflow/tfjs-core';

/**
 * softmax / logSoftmax along any axis. tfjs's own kernels work on the last axis only; another axis
 * is composed from the same steps (shift by the max, exp, sum) along it, which avoids two
 * transposes. A row of only -Infinity gives NaN (x − max = −inf + inf), as in PyTorch.
 */
export function softmaxAlong(x: tf.Tensor, axis: number, log: boolean): tf.Tensor {
  if (axis === x.rank - 1) return log ? tf.logSoftmax(x) : tf.softmax(x);
  const shifted = tf.sub(x, tf.max(x, axis, true));
  const e = tf.exp(shifted);
  const sum = tf.sum(e, axis, true);
  return log ? tf.sub(shifted, tf.log(sum)) : tf.div(e, sum);
}
