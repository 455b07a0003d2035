import { describe, expect, it } from 'vitest';
import { cpuTensor } from '../tensor';
import { dropoutKernel } from './dropout';

const N = 100_000;

function run(x: Float32Array, ratio: number, seed: number, training = true): Float32Array {
  const [y] = dropoutKernel([cpuTensor(x, [x.length])], { ratio, training, seed });
  return y!.dataSync() as Float32Array;
}

/** No input value is 0, so a 0 in the output can only be a dropped element. */
const input = Float32Array.from({ length: N }, (_, i) => 0.25 + (i % 97) * 0.5);

describe('dropout kernel', () => {
  for (const ratio of [0.1, 0.5, 0.8]) {
    it(`zeroes a fraction ${ratio} of 100k values within 4 sigma and scales survivors by exactly 1 / (1 - ${ratio})`, () => {
      const y = run(input, ratio, 1234);
      let zeros = 0;
      let wrongScale = 0;
      for (let i = 0; i < N; i++) {
        if (y[i] === 0) zeros++;
        else if (y[i] !== Math.fround(input[i]! * (1 / (1 - ratio)))) wrongScale++;
      }
      expect(wrongScale).toBe(0);
      // Binomial(N, ratio): sigma = sqrt(N ratio (1 - ratio)), at most ~158 for ratio 0.5.
      const sigma = Math.sqrt(N * ratio * (1 - ratio));
      expect(Math.abs(zeros - N * ratio)).toBeLessThan(4 * sigma);
    });
  }

  it('gives the same mask for the same seed and a different one for another seed', () => {
    const a = run(input, 0.5, 7);
    const again = run(input, 0.5, 7);
    expect(again.every((v, i) => v === a[i])).toBe(true);
    const b = run(input, 0.5, 8);
    let differ = 0;
    for (let i = 0; i < N; i++) if ((a[i] === 0) !== (b[i] === 0)) differ++;
    // Two independent masks disagree on half the positions: N / 2 +- 158.
    expect(Math.abs(differ - N / 2)).toBeLessThan(1000);
  });

  it('does not leave a pattern: drops of neighbours are uncorrelated', () => {
    const y = run(input, 0.5, 99);
    let bothDropped = 0;
    for (let i = 1; i < N; i++) if (y[i] === 0 && y[i - 1] === 0) bothDropped++;
    // P(both) = 0.25 for independent draws; sigma ~ sqrt(N * 0.25 * 0.75) ~ 137.
    expect(Math.abs(bothDropped - (N - 1) * 0.25)).toBeLessThan(700);
  });

  it('is the identity in inference and for ratio 0, leaving the input untouched', () => {
    const x = Float32Array.from([1, -2, 3.5, NaN]);
    expect(Array.from(run(x, 0.5, 3, false))).toEqual([1, -2, 3.5, NaN]);
    expect(Array.from(run(x, 0, 3, true))).toEqual([1, -2, 3.5, NaN]);
    expect(Array.from(x)).toEqual([1, -2, 3.5, NaN]);
  });

  it('keeps the shape and never writes into its input', () => {
    const x = new Float32Array(24).fill(2);
    const [y] = dropoutKernel([cpuTensor(x, [2, 3, 4])], { ratio: 0.5, training: true, seed: 5 });
    expect(y!.shape).toEqual([2, 3, 4]);
    expect(Array.from(x)).toEqual(new Array(24).fill(2));
    expect(y!.dataSync()).not.toBe(x);
  });

  it('keeps a dropped NaN as NaN, like PyTorch x * mask', () => {
    const y = run(new Float32Array(64).fill(NaN), 0.5, 1);
    expect(y.every((v) => Number.isNaN(v))).toBe(true);
  });
});
