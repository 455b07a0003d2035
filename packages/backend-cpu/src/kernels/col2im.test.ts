import { describe, expect, it } from 'vitest';
import { col2im, col2imPlain } from './col2im';
import { im2col, planIm2col } from './im2col';
import { randomF32, seeded } from './kernel-test-data';

describe('col2im', () => {
  it('is the adjoint of im2col: <im2col(x), C> = <x, col2im(C)> over random plans', () => {
    const rand = seeded(77);
    const int = (lo: number, hi: number): number => lo + Math.floor(rand() * (hi - lo + 1));
    let circular = 0;
    for (let trial = 0; trial < 300; trial++) {
      const spatial = int(1, 2);
      const axes = Array.from({ length: spatial });
      const inSize = axes.map(() => int(1, 7)), kernel = axes.map(() => int(1, 3));
      const strides = axes.map(() => int(1, 3)), dilations = axes.map(() => int(1, 2));
      const isCircular = rand() < 0.4;
      const padBegins = inSize.map((n) => int(0, isCircular ? Math.min(n, 2) : 2));
      const outSize = inSize.map((n, i) => Math.floor((n + 2 * padBegins[i]! - (kernel[i]! - 1) * dilations[i]! - 1) / strides[i]!) + 1);
      if (outSize.some((o) => o < 1)) continue;
      const plan = planIm2col({ channels: int(1, 3), inSize, kernel, strides, dilations, padBegins, outSize, circular: isCircular });
      const offset = int(0, 3);
      const x = randomF32(rand, offset + plan.channels * plan.inH * plan.inW);
      const c = randomF32(rand, plan.rows * plan.cols);
      const col = new Float32Array(plan.rows * plan.cols);
      im2col(x, offset, plan, col);
      // col2im adds onto what dx holds: start from ones and subtract them back out.
      const dx = new Float32Array(x.length).fill(1);
      col2im(c, plan, dx, offset);
      let left = 0, right = 0;
      for (let i = 0; i < col.length; i++) left += col[i]! * c[i]!;
      for (let i = 0; i < offset; i++) expect(dx[i]).toBe(1);
      for (let i = offset; i < x.length; i++) right += x[i]! * (dx[i]! - 1);
      expect(Math.abs(left - right), JSON.stringify({ inSize, kernel, strides, dilations, padBegins, isCircular })).toBeLessThan(1e-4);
      if (isCircular) circular++;
    }
    expect(circular).toBeGreaterThan(50);
  });

  it('adds a 3-tap kernel back onto a 1-D signal by hand, dropping the zero padding', () => {
    // x of length 3, kernel 2, pad 1 before, outputs 0..2 (out = 3 + 1 + 1 - 2 + 1 with the end pad).
    // Tap 0 reads x[-1], x[0], x[1]; tap 1 reads x[0], x[1], x[2]. col rows [1 2 3] and [10 20 30]:
    // dx[0] = 2 + 10 = 12, dx[1] = 3 + 20 = 23, dx[2] = 30 (the 1 read padding and is dropped).
    const plan = planIm2col({ channels: 1, inSize: [3], kernel: [2], strides: [1], dilations: [1], padBegins: [1], outSize: [3], circular: false });
    const dx = new Float32Array(3);
    col2im(Float32Array.of(1, 2, 3, 10, 20, 30), plan, dx, 0);
    expect([...dx]).toEqual([12, 23, 30]);
  });

  it('the wasm rows add exactly what the plain loop adds, bit for bit, specials included', () => {
    // Same adds in the same order, so equal bits (NaN as NaN) over strides, dilation and 1-D.
    const rand = seeded(78);
    const specs: Parameters<typeof planIm2col>[0][] = [
      { channels: 6, inSize: [14, 14], kernel: [5, 5], strides: [1, 1], dilations: [1, 1], padBegins: [0, 0], outSize: [10, 10], circular: false },
      { channels: 3, inSize: [9, 11], kernel: [3, 3], strides: [2, 2], dilations: [1, 1], padBegins: [1, 1], outSize: [5, 6], circular: false },
      { channels: 2, inSize: [8, 8], kernel: [3, 2], strides: [1, 3], dilations: [2, 1], padBegins: [2, 0], outSize: [8, 3], circular: false },
      { channels: 4, inSize: [13], kernel: [4], strides: [1], dilations: [1], padBegins: [3], outSize: [16], circular: false },
    ];
    for (const spec of specs) {
      const plan = planIm2col(spec);
      const image = plan.channels * plan.inH * plan.inW;
      const c = randomF32(rand, plan.rows * plan.cols);
      c[3] = Number.NaN; c[7] = Number.POSITIVE_INFINITY; c[11] = -0;
      const start = randomF32(rand, image + 5);
      const want = start.slice(), got = start.slice();
      col2imPlain(c, plan, want, 2);
      col2im(c, plan, got, 2);
      expect(got, JSON.stringify(spec)).toEqual(want);
    }
  });
});
