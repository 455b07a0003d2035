import type { Kernel } from '@cnnkit/core';
import { cpuTensor, f32 } from '../tensor';
import { channelLayout } from './batch-norm-layout';
import { inferOutputShape } from './infer-output';

/**
 * Training-mode batch norm: per channel the batch mean and BIASED variance (divided by N·inner,
 * as torch normalises with) over every axis but 1, then y = (x - mean) / sqrt(var + eps) · scale + bias.
 * The statistics are summed in double precision with two passes (mean, then squared deviations),
 * so large offsets do not cancel; the normalisation folds to y = x·a + b per channel.
 */
export const batchNormTrainingKernel: Kernel<'batchNormTraining'> = (inputs, attrs) => {
  // Core's inference checks x's rank and that scale and bias have x's channels.
  const shape = inferOutputShape('batchNormTraining', inputs, attrs);
  const xs = f32(inputs[0]!), scale = f32(inputs[1]!), bias = f32(inputs[2]!);
  const { batch, channels, inner, count } = channelLayout(shape);
  const y = new Float32Array(xs.length);
  const mean = new Float32Array(channels);
  const variance = new Float32Array(channels);
  for (let c = 0; c < channels; c++) {
    let sum = 0;
    for (let n = 0; n < batch; n++) {
      const start = (n * channels + c) * inner, end = start + inner;
      for (let i = start; i < end; i++) sum += xs[i]!;
    }
    const m = sum / count;
    let squares = 0;
    for (let n = 0; n < batch; n++) {
      const start = (n * channels + c) * inner, end = start + inner;
      for (let i = start; i < end; i++) {
        const d = xs[i]! - m;
        squares += d * d;
      }
    }
    const v = squares / count;
    mean[c] = m;
    variance[c] = v;
    const a = scale[c]! / Math.sqrt(v + attrs.epsilon);
    const b = bias[c]! - m * a;
    for (let n = 0; n < batch; n++) {
      const start = (n * channels + c) * inner, end = start + inner;
      for (let i = start; i < end; i++) y[i] = xs[i]! * a + b;
    }
  }
  return [cpuTensor(y, shape), cpuTensor(mean, [channels]), cpuTensor(variance, [channels])];
};
