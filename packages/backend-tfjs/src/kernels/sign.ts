import * as tf from '@tensorflow/tfjs-core';
import { unaryKernel } from './unary';

/**
 * -1, 0 or 1 by the sign of x, as (x > 0) − (x < 0): tfjs's own sign gives 0 for NaN (the op's
 * contract keeps NaN) and, on the wasm engine, 0 for subnormals. Comparisons get both right.
 */
export const signKernel = unaryKernel('sign', (x) => {
  const sign = tf.sub(tf.cast(tf.greater(x, 0), 'float32'), tf.cast(tf.less(x, 0), 'float32'));
  return tf.where(tf.isNaN(x), x, sign);
});
