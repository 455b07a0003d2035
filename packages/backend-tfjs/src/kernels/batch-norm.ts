import * as tf from '@tensorflow/tfjs-core';
import { inferOutput } from './infer-output';
import type { TfKernel } from './tf-kernel';

/** A per-channel vector [C] shaped to broadcast over axis 1 of a rank-`rank` tensor. */
export function channelView(v: tf.Tensor, rank: number): tf.Tensor {
  return tf.reshape(v, [v.shape[0]!, ...new Array<number>(rank - 2).fill(1)]);
}

/**
 * Inference batch normalisation over axis 1 with running statistics, folded per channel into
 * y = x·a + b with a = scale / sqrt(var + eps), b = bias − mean·a: two passes over x instead of
 * four, in NCHW directly (the per-channel vectors broadcast as [C, 1, 1]).
 */
export const batchNormKernel: TfKernel<'batchNorm'> = (inputs, attrs) => {
  inferOutput('batchNorm', inputs, attrs);
  const [x, scale, bias, mean, variance] = inputs as [tf.Tensor, tf.Tensor, tf.Tensor, tf.Tensor, tf.Tensor];
  const a = tf.div(scale, tf.sqrt(tf.add(variance, attrs.epsilon)));
  const b = tf.sub(bias, tf.mul(mean, a));
  return [tf.add(tf.mul(x, channelView(a, x.rank)), channelView(b, x.rank))];
};
