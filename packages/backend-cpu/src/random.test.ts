import { describe, expect, it } from 'vitest';
import { SeededRandom } from './random';

describe('SeededRandom (mulberry32)', () => {
  it('reproduces the published mulberry32 stream', () => {
    // First draws of the canonical implementation (github.com/bryc/code, PRNGs.md) for seed 42.
    const r = new SeededRandom(42);
    expect([r.nextUint32(), r.nextUint32(), r.nextUint32()]).toEqual([2581720956, 1925393290, 3661312704]);
  });

  it('gives the same stream for the same seed and different streams for different seeds', () => {
    const draw = (seed: number): number[] => {
      const r = new SeededRandom(seed);
      return Array.from({ length: 8 }, () => r.nextUint32());
    };
    expect(draw(7)).toEqual(draw(7));
    expect(draw(7)).not.toEqual(draw(8));
    expect(draw(0)).not.toEqual(draw(1));
  });

  it('draws floats uniformly in [0, 1)', () => {
    const r = new SeededRandom(3);
    const n = 100_000;
    let sum = 0;
    let min = 1;
    let max = 0;
    const buckets = new Array<number>(10).fill(0);
    for (let i = 0; i < n; i++) {
      const u = r.nextFloat();
      sum += u;
      min = Math.min(min, u);
      max = Math.max(max, u);
      buckets[Math.floor(u * 10)]! += 1;
    }
    expect(min).toBeGreaterThanOrEqual(0);
    expect(max).toBeLessThan(1);
    // Mean of U(0,1) is 1/2 with standard error sqrt(1/12 / n) ~ 0.0009.
    expect(Math.abs(sum / n - 0.5)).toBeLessThan(0.005);
    // Each decile holds n/10 = 10000 +- sqrt(n * 0.1 * 0.9) ~ 95.
    for (const b of buckets) expect(Math.abs(b - n / 10)).toBeLessThan(500);
  });

  it('draws standard normals', () => {
    const r = new SeededRandom(11);
    const n = 100_000;
    let sum = 0;
    let sumSq = 0;
    let within1 = 0;
    for (let i = 0; i < n; i++) {
      const z = r.nextNormal();
      sum += z;
      sumSq += z * z;
      if (Math.abs(z) < 1) within1++;
    }
    const mean = sum / n;
    expect(Math.abs(mean)).toBeLessThan(0.02); // standard error 1 / sqrt(n) ~ 0.003
    expect(Math.abs(sumSq / n - mean * mean - 1)).toBeLessThan(0.03); // standard error sqrt(2 / n) ~ 0.0045
    expect(Math.abs(within1 / n - 0.6827)).toBeLessThan(0.01); // P(|z| < 1) for N(0, 1)
  });
});
