import * as tf from '@tensorflow/tfjs-core';
import { channelView } from '../batch-norm';
import { inferOutput } from '../infer-output';
import type { TfKernel } from '../tf-kernel';
import { statisticAxes } from './batch-norm-training';

/**
 * Gradient of batchNormTraining (the reference is backend-cpu's batch-norm-backward.ts), taking
 * its batch mean and variance as inputs. Per channel, with M = N·H·W, r = 1 / sqrt(var + eps)
 * and x̂ = (x − mean)·r:
 *   dbias = Σ dy        dscale = Σ dy·x̂
 *   dx    = scale·r · (dy − dbias / M − x̂ · dscale / M)
 * (torch's native_batch_norm_backward in training mode).
 */
export const batchNormBackwardKernel: TfKernel<'batchNormBackward'> = (inputs, attrs) => {
  // Core's inference checks x, the channel vectors, and that dy has x's shape.
  inferOutput('batchNormBackward', inputs, attrs);
  const [dy, x, scale, mean, variance] = inputs as [tf.Tensor, tf.Tensor, tf.Tensor, tf.Tensor, tf.Tensor];
  const axes = statisticAxes(x.rank);
  const count = x.size / x.shape[1]!;
  const r = tf.rsqrt(tf.add(variance, attrs.epsilon));
  const xHat = tf.mul(tf.sub(x, channelView(mean, x.rank)), channelView(r, x.rank));
  const dbias = tf.sum(dy, axes);
  const dscale = tf.sum(tf.mul(dy, xHat), axes);
  const centred = tf.sub(tf.sub(dy, channelView(tf.div(dbias, count), x.rank)), tf.mul(xHat, channelView(tf.div(dscale, count), x.rank)));
  const dx = tf.mul(centred, channelView(tf.mul(scale, r), x.rank));
  return [dx, dscale, dbias];
};
