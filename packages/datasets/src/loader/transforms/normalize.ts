import { CnnkitError } from '@cnnkit/core';
import type { ImageShape, Transform } from './transform';

/** The MNIST training set's pixel mean and standard deviation (on [0, 1] pixels), as PyTorch's examples use. */
export const MNIST_NORMALIZATION: { mean: [0.1307]; std: [0.3081] } = { mean: [0.1307], std: [0.3081] };

/** (x − mean[c]) / std[c] per channel, like torchvision's Normalize; one mean and one std per channel. Draws nothing. */
export function normalize(mean: readonly number[], std: readonly number[]): Transform {
  const where = 'normalize';
  if (mean.length === 0 || mean.length !== std.length) {
    throw new CnnkitError('INVALID_ARGUMENT', `${where}: ${mean.length} means and ${std.length} stds; expected one of each per channel (same length, at least 1)`);
  }
  mean.forEach((m, c) => {
    if (!Number.isFinite(m)) throw new CnnkitError('INVALID_ARGUMENT', `${where}: mean[${c}] is ${m}; expected a finite number`);
  });
  std.forEach((s, c) => {
    if (!Number.isFinite(s) || s === 0) throw new CnnkitError('INVALID_ARGUMENT', `${where}: std[${c}] is ${s}; expected a finite, non-zero number`);
  });
  const means = [...mean];
  const stds = [...std];
  return (sample: Float32Array, shape: ImageShape): Float32Array => {
    const [c, h, w] = shape;
    if (c !== means.length) throw new CnnkitError('SHAPE_MISMATCH', `${where}: image has ${c} channels (shape [${shape.join(', ')}]); this normalize has ${means.length} means and stds`);
    const plane = h * w;
    const out = new Float32Array(sample.length);
    for (let ch = 0; ch < c; ch++) {
      const m = means[ch]!;
      const s = stds[ch]!;
      for (let i = ch * plane; i < (ch + 1) * plane; i++) out[i] = (sample[i]! - m) / s;
    }
    return out;
  };
}
