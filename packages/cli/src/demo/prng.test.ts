import { describe, expect, it } from 'vitest';
import { mulberry32, uniformArray } from './prng';

describe('mulberry32', () => {
  it('repeats for a seed, differs across seeds, stays in [0, 1)', () => {
    const a = mulberry32(42);
    const b = mulberry32(42);
    const c = mulberry32(43);
    const xs = Array.from({ length: 1000 }, () => a());
    expect(Array.from({ length: 1000 }, () => b())).toEqual(xs);
    expect(Array.from({ length: 1000 }, () => c())).not.toEqual(xs);
    expect(Math.min(...xs)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...xs)).toBeLessThan(1);
  });

  it('is roughly uniform: 10 bins of 100,000 draws within 2% of 10,000 each', () => {
    const r = mulberry32(7);
    const bins = new Array<number>(10).fill(0);
    for (let i = 0; i < 100_000; i++) bins[Math.floor(r() * 10)]! += 1;
    for (const n of bins) expect(Math.abs(n - 10_000)).toBeLessThan(200);
  });

  it('takes seeds modulo 2^32', () => {
    expect(mulberry32(2 ** 32 + 5)()).toBe(mulberry32(5)());
  });
});

describe('uniformArray', () => {
  it('scales [0, 1) draws to [-bound, bound)', () => {
    const xs = uniformArray(mulberry32(1), 10_000, 0.25);
    expect(xs).toBeInstanceOf(Float32Array);
    expect(xs.every((v) => v >= -0.25 && v < 0.25)).toBe(true);
    expect(xs.some((v) => v < -0.24) && xs.some((v) => v > 0.24)).toBe(true);
  });
});
