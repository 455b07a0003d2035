import * as tf from '@tensorflow/tfjs-core';
import { unaryKernel } from './unary';

/**
 * max(x, 0) with NaN kept, as torch.relu. Not tf.relu: on the wasm engine it turns a NaN whose
 * sign bit is set into 0, and that is the NaN arithmetic makes there (sqrt(−1), ∞ − ∞ give
 * 0xffc00000). tf.maximum(x, 0) keeps NaN of either sign and costs the same one op.
 */
export function nanKeepingRelu(x: tf.Tensor): tf.Tensor {
  return tf.maximum(x, tf.scalar(0, x.dtype));
}

export const reluKernel = unaryKernel('relu', (x) => nanKeepingRelu(x));
