import { Rng, type TensorValue } from '@cnnkit/core';
import { uniformValues } from '../../training/gradient-case';

/**
 * Inputs for finite-difference cases. Central differences are only right where the function is
 * smooth within ±step of the input, so kinks are kept away by construction: `distinct` values
 * are a shuffled grid with no ties (maxima, max pools), no zeros (relu, abs) and gaps far wider
 * than the step; `positive` stays away from log's and sqrt's singularity.
 */

/** Seeded uniform values in [lo, hi). */
export const uniform = (shape: readonly number[], seed: number, lo = -1, hi = 1): TensorValue => uniformValues(shape, seed, lo, hi);

/** Values in [0.5, 2). */
export const positive = (shape: readonly number[], seed: number): TensorValue => uniformValues(shape, seed, 0.5, 2);

/** A shuffle of ±0.1, ±0.3, ±0.5, ...: all different, none within 0.1 of zero or 0.2 of each other. */
export function distinct(shape: readonly number[], seed: number): TensorValue {
  const n = shape.reduce((a, b) => a * b, 1);
  const data = new Float32Array(n);
  for (let i = 0; i < n; i++) data[i] = (i - Math.floor(n / 2)) * 0.2 + 0.1;
  const rng = new Rng(seed);
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(rng.nextFloat() * (i + 1));
    const tmp = data[i]!;
    data[i] = data[j]!;
    data[j] = tmp;
  }
  return { dtype: 'float32', shape: [...shape], data };
}
