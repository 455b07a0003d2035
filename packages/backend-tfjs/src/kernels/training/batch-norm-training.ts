import * as tf from '@tensorflow/tfjs-core';
import { channelView } from '../batch-norm';
import { inferOutput } from '../infer-output';
import type { TfKernel } from '../tf-kernel';

/** Every axis but the channel axis 1: what the batch statistics reduce over. */
export function statisticAxes(rank: number): number[] {
  return [0, ...Array.from({ length: rank - 2 }, (_, i) => i + 2)];
}

/**
 * Training-mode batch norm (the reference is backend-cpu's batch-norm-training.ts): per channel
 * the batch mean and the BIASED variance (divided by N·H·W, as torch normalises with; tf.moments
 * is two-pass: the mean, then the mean squared deviation), then
 * y = (x − mean) · scale / sqrt(var + eps) + bias, folded to y = x·a + b per channel.
 */
export const batchNormTrainingKernel: TfKernel<'batchNormTraining'> = (inputs, attrs) => {
  // Core's inference checks x's rank and that scale and bias have x's channels.
  inferOutput('batchNormTraining', inputs, attrs);
  const [x, scale, bias] = inputs as [tf.Tensor, tf.Tensor, tf.Tensor];
  const { mean, variance } = tf.moments(x, statisticAxes(x.rank));
  const a = tf.mul(scale, tf.rsqrt(tf.add(variance, attrs.epsilon)));
  const b = tf.sub(bias, tf.mul(mean, a));
  return [tf.add(tf.mul(x, channelView(a, x.rank)), channelView(b, x.rank)), mean, variance];
};
