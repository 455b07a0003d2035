import { Rng } from '@cnnkit/core';
import { describe, expect, it } from 'vitest';
import { compose } from './compose';
import { MNIST_NORMALIZATION, normalize } from './normalize';
import { randomCrop } from './random-crop';
import { randomHorizontalFlip } from './random-horizontal-flip';
import { transformOutputShape } from './transform';

/** An rng that returns the given uniforms in turn, so a test states which draws a transform sees. */
class FixedRng extends Rng {
  readonly #values: number[];
  draws = 0;
  constructor(values: number[]) {
    super(0);
    this.#values = values;
  }
  override nextFloat(): number {
    const value = this.#values[this.draws++];
    if (value === undefined) throw new Error(`FixedRng: draw ${this.draws} was not planned`);
    return value;
  }
}

// A 1×3×3 image:  1 2 3 / 4 5 6 / 7 8 9
const IMAGE = Float32Array.of(1, 2, 3, 4, 5, 6, 7, 8, 9);

describe('randomCrop (padding 1 on a 3×3)', () => {
  const crop = randomCrop({ padding: 1 });
  // Padded 5×5; a 3×3 window has 3 possible tops and lefts: floor(u · 3).
  it('top-left window (draws 0, 0)', () => {
    const rng = new FixedRng([0, 0]);
    expect([...crop(IMAGE, [1, 3, 3], rng)]).toEqual([0, 0, 0, 0, 1, 2, 0, 4, 5]);
    expect(rng.draws).toBe(2);
  });
  it('bottom-right window (draws 0.99, 0.99)', () => {
    expect([...crop(IMAGE, [1, 3, 3], new FixedRng([0.99, 0.99]))]).toEqual([5, 6, 0, 8, 9, 0, 0, 0, 0]);
  });
  it('centre window gives the image back; top draw then left draw (0.5, 0)', () => {
    expect([...crop(IMAGE, [1, 3, 3], new FixedRng([0.5, 0.5]))]).toEqual([...IMAGE]);
    expect([...crop(IMAGE, [1, 3, 3], new FixedRng([0.5, 0]))]).toEqual([0, 1, 2, 0, 4, 5, 0, 7, 8]);
  });
  it('crops to another size with a fill value, per channel, and draws nothing when the window fits exactly', () => {
    const twoChannels = Float32Array.of(...IMAGE, ...IMAGE.map((v) => -v));
    const small = randomCrop({ padding: 1, size: [2, 2], fill: -1 });
    expect(transformOutputShape(small, [2, 3, 3])).toEqual([2, 2, 2]);
    // Padded 5×5, 2×2 windows: 4 tops/lefts, floor(u · 4); top 1 (u 0.25), left 2 (u 0.6).
    expect([...small(twoChannels, [2, 3, 3], new FixedRng([0.25, 0.6]))]).toEqual([2, 3, 5, 6, -2, -3, -5, -6]);
    // Top 0 (u 0), left 3 (u 0.75): the padding row and column come out as the fill, −1.
    expect([...small(twoChannels, [2, 3, 3], new FixedRng([0, 0.75]))]).toEqual([-1, -1, 3, -1, -1, -1, -3, -1]);
    expect([...randomCrop({ padding: 0, size: [1, 2], fill: 0 })(IMAGE, [1, 3, 3], new FixedRng([0.9, 0]))]).toEqual([7, 8]); // top floor(0.9 · 3) = 2, left 0
    const exact = new FixedRng([]);
    expect([...randomCrop({ padding: 0 })(IMAGE, [1, 3, 3], exact)]).toEqual([...IMAGE]);
    expect(exact.draws).toBe(0);
  });
  it('never writes into its input and rejects bad options', () => {
    const input = IMAGE.slice();
    crop(input, [1, 3, 3], new FixedRng([0, 0]));
    expect([...input]).toEqual([...IMAGE]);
    expect(() => randomCrop({ padding: -1 })).toThrow(/padding is -1/);
    expect(() => randomCrop({ padding: 0, size: [4, 4] })(IMAGE, [1, 3, 3], new Rng(0))).toThrow(/crop 4×4 is larger than the padded image 3×3/);
  });
});

describe('randomHorizontalFlip', () => {
  it('flips each row when the draw is below p, and draws once per sample either way', () => {
    const flip = randomHorizontalFlip();
    const rng = new FixedRng([0.2, 0.7]);
    expect([...flip(IMAGE, [1, 3, 3], rng)]).toEqual([3, 2, 1, 6, 5, 4, 9, 8, 7]);
    const kept = flip(IMAGE, [1, 3, 3], rng);
    expect([...kept]).toEqual([...IMAGE]);
    expect(kept).not.toBe(IMAGE);
    expect(rng.draws).toBe(2);
    expect([...randomHorizontalFlip(1)(Float32Array.of(1, 2, 3, 4), [2, 1, 2], new FixedRng([0.999]))]).toEqual([2, 1, 4, 3]);
    expect(() => randomHorizontalFlip(1.5)).toThrow(/p is 1.5/);
  });
});

describe('normalize', () => {
  it('subtracts the mean and divides by the std per channel', () => {
    const n = normalize([1, 10], [2, 5]);
    expect([...n(Float32Array.of(1, 3, 10, 20), [2, 1, 2], new Rng(0))]).toEqual([0, 1, 0, 2]);
    const mnist = normalize(MNIST_NORMALIZATION.mean, MNIST_NORMALIZATION.std);
    expect(mnist(Float32Array.of(0, 1), [1, 1, 2], new Rng(0))[1]).toBeCloseTo((1 - 0.1307) / 0.3081, 5);
  });
  it('rejects mismatched lengths, a zero std and a channel count it was not made for', () => {
    expect(() => normalize([0.5, 0.5], [0.5])).toThrow(/2 means and 1 stds/);
    expect(() => normalize([0.5], [0])).toThrow(/std\[0\] is 0; expected a finite, non-zero number/);
    expect(() => normalize([0.5], [1])(new Float32Array(8), [2, 2, 2], new Rng(0))).toThrow(/image has 2 channels/);
  });
});

describe('compose', () => {
  it('applies left to right, passing each output shape on', () => {
    const t = compose(randomCrop({ padding: 0, size: [2, 2] }), randomHorizontalFlip(1), normalize([1], [2]));
    expect(transformOutputShape(t, [1, 3, 3])).toEqual([1, 2, 2]);
    // Crop top 0 (u=0), left 1 (u=0.9 -> floor(1.8)) -> 2 3 / 5 6; flip -> 3 2 / 6 5; (x − 1) / 2.
    expect([...t(IMAGE, [1, 3, 3], new FixedRng([0, 0.9, 0.5]))]).toEqual([1, 0.5, 2.5, 2]);
  });
});
