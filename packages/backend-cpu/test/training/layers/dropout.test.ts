import { Dropout, F, Rng, manualSeed } from '@cnnkit/core';
import { beforeAll, describe, expect, it } from 'vitest';
import { read, useCpu } from './helpers';

beforeAll(useCpu);

describe('Dropout', () => {
  it('is the identity in eval mode and for p = 0', () => {
    const x = F.ones([4, 8]);
    const d = new Dropout(0.5).eval();
    expect(d.call(x)).toBe(x);
    expect(new Dropout(0).call(x)).toBe(x);
  });

  it('zeroes about p of the values in train mode and scales the rest by 1 / (1 - p)', () => {
    const y = read(new Dropout(0.25, { rng: new Rng(1) }).call(F.ones([100, 100])));
    const zeros = y.filter((v) => v === 0).length;
    // 10,000 Bernoulli(0.25) draws: 2500 +- 43 (one standard deviation).
    expect(Math.abs(zeros - 2500)).toBeLessThan(250);
    expect(new Set(y.filter((v) => v !== 0))).toEqual(new Set([Math.fround(1 / 0.75)]));
  });

  it('draws a fresh mask seed per forward from its generator: masks differ per step, repeat per seed', () => {
    const x = F.ones([64]);
    manualSeed(5);
    const d = new Dropout(0.5);
    const first = read(d.call(x));
    const second = read(d.call(x));
    expect(first).not.toEqual(second);
    manualSeed(5);
    expect(read(d.call(x))).toEqual(first);
    expect(read(d.call(x))).toEqual(second);
    // The mask is the dropout op's for seed = the generator's next draw.
    const rng = new Rng(42);
    const expected = read(F.dropout(x, { ratio: 0.5, training: true, seed: new Rng(42).nextSeed() }));
    expect(read(new Dropout(0.5, { rng }).call(x))).toEqual(expected);
  });

  it('p = 1 drops everything; p outside [0, 1] is refused', () => {
    expect(read(new Dropout(1).call(F.ones([3])))).toEqual([0, 0, 0]);
    expect(() => new Dropout(1.5)).toThrow(/Dropout\(1.5\): p is 1.5; expected a probability in \[0, 1\]/);
    expect(() => new Dropout(-0.1)).toThrow(/expected a probability in \[0, 1\]/);
  });
});
