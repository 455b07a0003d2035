import { describe, expect, it } from 'vitest';
import { DEFAULT_SEED, Rng, defaultRng, manualSeed } from './rng';

describe('Rng (mulberry32)', () => {
  it('reproduces the published mulberry32 stream', () => {
    // First draws of the canonical implementation (github.com/bryc/code, PRNGs.md) for seed 42.
    const r = new Rng(42);
    expect([r.nextUint32(), r.nextUint32(), r.nextUint32()]).toEqual([2581720956, 1925393290, 3661312704]);
  });

  it('gives the same stream for the same seed and different streams for different seeds', () => {
    const draw = (seed: number): number[] => {
      const r = new Rng(seed);
      return Array.from({ length: 8 }, () => r.nextUint32());
    };
    expect(draw(7)).toEqual(draw(7));
    expect(draw(7)).not.toEqual(draw(8));
    expect(draw(0)).not.toEqual(draw(1));
  });

  it('draws floats uniformly in [0, 1)', () => {
    const r = new Rng(3);
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
    const r = new Rng(11);
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

  it('draws uniforms in [lo, hi)', () => {
    const r = new Rng(5);
    const a = new Rng(5);
    for (let i = 0; i < 1000; i++) {
      const u = r.uniform(-2, 3);
      expect(u).toBeGreaterThanOrEqual(-2);
      expect(u).toBeLessThan(3);
      // lo + (hi - lo) * u01, on the same stream.
      expect(u).toBeCloseTo(-2 + 5 * a.nextFloat(), 12);
    }
  });

  it('saves and restores its state mid-stream, a pending Box-Muller normal included', () => {
    const r = new Rng(99);
    r.nextNormal(); // leaves the pair's second normal waiting
    const saved = JSON.parse(JSON.stringify(r.state)) as Rng['state'];
    expect(saved.spareNormal).not.toBeNull();
    const expected = [r.nextNormal(), r.nextUint32(), r.nextFloat()];
    const restored = new Rng(1);
    restored.state = saved;
    expect([restored.nextNormal(), restored.nextUint32(), restored.nextFloat()]).toEqual(expected);
  });

  it('rejects a malformed state and a non-integer seed', () => {
    const r = new Rng(1);
    expect(() => { r.state = { word: -1, spareNormal: null }; }).toThrow(/Rng.state: given \{"word":-1/);
    expect(() => { r.state = { word: 1.5, spareNormal: null }; }).toThrow(/expected \{ word: an integer/);
    expect(() => new Rng(0.5)).toThrow(/seed 0.5 is not an integer/);
  });

  it('takes seeds modulo 2^32', () => {
    const a = new Rng(-1);
    const b = new Rng(4294967295);
    const c = new Rng(4294967296 + 7);
    const d = new Rng(7);
    expect(a.nextUint32()).toBe(b.nextUint32());
    expect(c.nextUint32()).toBe(d.nextUint32());
  });

  it('derives seeds and forks from its own stream, reproducibly', () => {
    const a = new Rng(3);
    const b = new Rng(3);
    const plain = new Rng(3);
    const first = plain.nextUint32();
    expect(a.nextSeed()).toBe(first);
    const fork = b.fork();
    expect(fork.nextUint32()).toBe(new Rng(first).nextUint32());
    // Forking advanced b by exactly one draw.
    expect(b.nextUint32()).toBe(plain.nextUint32());
  });
});

describe('the default generator', () => {
  it('restarts from manualSeed like torch.manual_seed', () => {
    manualSeed(1234);
    const first = [defaultRng().nextUint32(), defaultRng().nextUint32()];
    manualSeed(1234);
    expect([defaultRng().nextUint32(), defaultRng().nextUint32()]).toEqual(first);
    expect(first[0]).toBe(new Rng(1234).nextUint32());
    manualSeed(DEFAULT_SEED);
  });
});
