import * as tf from '@tensorflow/tfjs-core';
import { dims, inferOutput } from './infer-output';
import type { TfKernel } from './tf-kernel';

/**
 * a @ b over the last two axes with NumPy broadcasting of the leading axes. The leading axes are
 * broadcast explicitly and folded into one batch axis, so tfjs runs one batched product whatever
 * the ranks.
 */
export const matmulKernel: TfKernel<'matmul'> = (inputs, attrs) => {
  const { shape } = inferOutput('matmul', inputs, attrs);
  const [a, b] = inputs as [tf.Tensor, tf.Tensor];
  if (a.rank === 2 && b.rank === 2) return [tf.matMul(a as tf.Tensor2D, b as tf.Tensor2D)];
  const batch = shape.slice(0, -2);
  const count = batch.reduce((p, d) => p * d, 1);
  const fold = (t: tf.Tensor): tf.Tensor3D => {
    const rows = t.shape[t.rank - 2]!, cols = t.shape[t.rank - 1]!;
    return tf.reshape(tf.broadcastTo(t, [...batch, rows, cols]), [count, rows, cols]);
  };
  return [tf.reshape(tf.matMul(fold(a), fold(b)), dims(shape))];
};
