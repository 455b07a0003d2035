import { CnnkitError, type Rng } from '@cnnkit/core';
import type { ImageShape, Transform } from './transform';

/** Mirrors the image left to right with probability `p` (default 0.5): one draw per sample, flipped when it is below p. */
export function randomHorizontalFlip(p = 0.5): Transform {
  if (!(p >= 0 && p <= 1)) throw new CnnkitError('INVALID_ARGUMENT', `randomHorizontalFlip: p is ${p}; expected a probability in [0, 1]`);
  return (sample: Float32Array, shape: ImageShape, rng: Rng): Float32Array => {
    if (!(rng.nextFloat() < p)) return sample.slice();
    const [c, h, w] = shape;
    const out = new Float32Array(sample.length);
    for (let row = 0; row < c * h; row++) {
      const base = row * w;
      for (let x = 0; x < w; x++) out[base + x] = sample[base + w - 1 - x]!;
    }
    return out;
  };
}
