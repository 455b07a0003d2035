import { type Kernel, CnnkitError, formatShape } from '@cnnkit/core';
import { cpuTensor, f32 } from '../tensor';

const PARAMS = ['scale', 'bias', 'mean', 'var'] as const;

/**
 * Inference batch norm over axis 1. Per channel it folds to y = x·a + b with
 * a = scale / sqrt(var + eps) and b = bias - mean·a, computed in double precision so the fold
 * costs no accuracy against (x - mean) / sqrt(var + eps) · scale + bias.
 */
export const batchNormKernel: Kernel<'batchNorm'> = (inputs, attrs) => {
  const x = inputs[0]!;
  if (x.rank < 2 || x.rank > 5) {
    throw new CnnkitError('SHAPE_MISMATCH', `batchNorm: input x has shape ${formatShape(x.shape)} (rank ${x.rank}); expected rank 2 to 5 (N, C, ...)`, { shape: x.shape });
  }
  const [batch, channels] = [x.shape[0]!, x.shape[1]!];
  const params = PARAMS.map((name, i) => {
    const p = inputs[i + 1];
    if (!p || p.rank !== 1 || p.shape[0] !== channels) {
      throw new CnnkitError('SHAPE_MISMATCH', `batchNorm: input '${name}' has shape ${p ? formatShape(p.shape) : 'missing'}; expected [${channels}] (the channels of x ${formatShape(x.shape)})`, { name });
    }
    return f32(p);
  });
  const [scale, bias, mean, variance] = params as [Float32Array, Float32Array, Float32Array, Float32Array];
  const inner = x.shape.slice(2).reduce((a, b) => a * b, 1);
  const xs = f32(x);
  const y = new Float32Array(xs.length);
  for (let c = 0; c < channels; c++) {
    const a = scale[c]! / Math.sqrt(variance[c]! + attrs.epsilon);
    const b = bias[c]! - mean[c]! * a;
    for (let n = 0; n < batch; n++) {
      const start = (n * channels + c) * inner;
      const end = start + inner;
      for (let i = start; i < end; i++) y[i] = xs[i]! * a + b;
    }
  }
  return [cpuTensor(y, x.shape)];
};
