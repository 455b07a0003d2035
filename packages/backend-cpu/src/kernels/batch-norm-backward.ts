import type { Kernel } from '@cnnkit/core';
import { cpuTensor, f32 } from '../tensor';
import { channelLayout } from './batch-norm-layout';
import { inferOutputShape } from './infer-output';

/**
 * Gradient of batchNormTraining, taking its batch mean and variance as inputs (they are functions
 * of x, which the formula accounts for). Per channel, with M = N·inner, r = 1 / sqrt(var + eps)
 * and x̂ = (x - mean)·r:
 *   dbias  = Σ dy        dscale = Σ dy·x̂
 *   dx     = scale·r · (dy - dbias / M - x̂ · dscale / M)
 * which is what torch's native_batch_norm_backward computes in training mode. Sums are in double.
 */
export const batchNormBackwardKernel: Kernel<'batchNormBackward'> = (inputs, attrs) => {
  // Core's inference checks x, the channel vectors, and that dy has x's shape.
  const shape = inferOutputShape('batchNormBackward', inputs, attrs);
  const [dy, xs, scale, mean, variance] = inputs.map((t) => f32(t)) as [Float32Array, Float32Array, Float32Array, Float32Array, Float32Array];
  const { batch, channels, inner, count } = channelLayout(shape);
  const dx = new Float32Array(xs.length);
  const dscale = new Float32Array(channels);
  const dbias = new Float32Array(channels);
  for (let c = 0; c < channels; c++) {
    const m = mean[c]!;
    const r = 1 / Math.sqrt(variance[c]! + attrs.epsilon);
    let sumDy = 0, sumDyXhat = 0;
    for (let n = 0; n < batch; n++) {
      const start = (n * channels + c) * inner, end = start + inner;
      for (let i = start; i < end; i++) {
        const g = dy[i]!;
        sumDy += g;
        sumDyXhat += g * (xs[i]! - m) * r;
      }
    }
    dbias[c] = sumDy;
    dscale[c] = sumDyXhat;
    const k = scale[c]! * r;
    const meanDy = sumDy / count, meanDyXhat = sumDyXhat / count;
    for (let n = 0; n < batch; n++) {
      const start = (n * channels + c) * inner, end = start + inner;
      for (let i = start; i < end; i++) dx[i] = k * (dy[i]! - meanDy - (xs[i]! - m) * r * meanDyXhat);
    }
  }
  return [cpuTensor(dx, shape), cpuTensor(dscale, [channels]), cpuTensor(dbias, [channels])];
};
