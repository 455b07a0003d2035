import { type ConvAttrs, type Padding, CnnkitError } from '@cnnkit/core';
import { describe, expect, it } from 'vitest';
import { cpuTensor, f32 } from '../tensor';
import { conv2dKernel } from './conv2d';
import { randomInt, randomTensor, seeded } from './kernel-test-data';

interface Case {
  n: number; c: number; h: number; w: number; o: number; kh: number; kw: number;
  attrs: ConvAttrs; bias: boolean;
}

/** Explicit [top, left, bottom, right] for a padding spec; 'same' is SAME_UPPER, worked out here. */
function explicitPads(pads: Padding, c: Case): number[] {
  if (pads === 'valid') return [0, 0, 0, 0];
  if (pads !== 'same') return [...pads];
  const total = (size: number, k: number, s: number, d: number): number => Math.max((Math.ceil(size / s) - 1) * s + (k - 1) * d + 1 - size, 0);
  const th = total(c.h, c.kh, c.attrs.strides[0]!, c.attrs.dilations[0]!), tw = total(c.w, c.kw, c.attrs.strides[1]!, c.attrs.dilations[1]!);
  return [Math.floor(th / 2), Math.floor(tw / 2), th - Math.floor(th / 2), tw - Math.floor(tw / 2)];
}

/**
 * The definition, independently of im2col: materialise the padded input (zeros, or wrapped
 * around as F.pad(mode='circular') does), then slide the dilated kernel over it with the stride.
 */
function naiveConv2d(x: Float32Array, w: Float32Array, b: Float32Array | undefined, c: Case): { data: Float64Array; shape: number[] } {
  const [pt, pl, pb, pr] = explicitPads(c.attrs.pads, c) as [number, number, number, number];
  const [sh, sw] = c.attrs.strides as [number, number];
  const [dh, dw] = c.attrs.dilations as [number, number];
  const g = c.attrs.groups, cg = c.c / g, og = c.o / g;
  const ph = c.h + pt + pb, pw = c.w + pl + pr;
  const padded = new Float64Array(c.n * c.c * ph * pw);
  for (let n = 0; n < c.n; n++) for (let ch = 0; ch < c.c; ch++) for (let i = 0; i < ph; i++) for (let j = 0; j < pw; j++) {
    let si = i - pt, sj = j - pl;
    if (c.attrs.paddingMode === 'circular') { si = (si + c.h) % c.h; sj = (sj + c.w) % c.w; }
    const inside = si >= 0 && si < c.h && sj >= 0 && sj < c.w;
    padded[((n * c.c + ch) * ph + i) * pw + j] = inside ? x[((n * c.c + ch) * c.h + si) * c.w + sj]! : 0;
  }
  const oh = Math.floor((ph - (c.kh - 1) * dh - 1) / sh) + 1, ow = Math.floor((pw - (c.kw - 1) * dw - 1) / sw) + 1;
  const out = new Float64Array(c.n * c.o * oh * ow);
  for (let n = 0; n < c.n; n++) for (let o = 0; o < c.o; o++) for (let y = 0; y < oh; y++) for (let xo = 0; xo < ow; xo++) {
    const group = Math.floor(o / og);
    let sum = b ? b[o]! : 0;
    for (let ci = 0; ci < cg; ci++) for (let ki = 0; ki < c.kh; ki++) for (let kj = 0; kj < c.kw; kj++) {
      const ch = group * cg + ci;
      sum += padded[((n * c.c + ch) * ph + y * sh + ki * dh) * pw + xo * sw + kj * dw]! * w[((o * cg + ci) * c.kh + ki) * c.kw + kj]!;
    }
    out[((n * c.o + o) * oh + y) * ow + xo] = sum;
  }
  return { data: out, shape: [c.n, c.o, oh, ow] };
}

function runAndCompare(c: Case, seed: number): void {
  const random = seeded(seed);
  const x = randomTensor(random, [c.n, c.c, c.h, c.w]);
  const w = randomTensor(random, [c.o, c.c / c.attrs.groups, c.kh, c.kw]);
  const b = c.bias ? randomTensor(random, [c.o]) : undefined;
  const expected = naiveConv2d(f32(x), f32(w), b && f32(b), c);
  const [y] = conv2dKernel(b ? [x, w, b] : [x, w], c.attrs);
  const label = JSON.stringify(c);
  expect(y!.shape, label).toEqual(expected.shape);
  const got = f32(y!);
  const depth = (c.c / c.attrs.groups) * c.kh * c.kw;
  for (let i = 0; i < got.length; i++) {
    if (Math.abs(got[i]! - expected.data[i]!) > 1e-5 * (depth + 1)) expect.fail(`${label}: y[${i}] = ${got[i]}, expected ${expected.data[i]}`);
  }
}

const attrs = (over: Partial<ConvAttrs> = {}): ConvAttrs => ({ strides: [1, 1], pads: 'valid', dilations: [1, 1], groups: 1, paddingMode: 'zeros', ...over });

/** A random but valid combination: output at least 1×1, circular pads no larger than the input. */
function randomCase(random: () => number): Case | undefined {
  // Groups 1, 2, 3, or depthwise (groups = channels = 4, with a channel multiplier og).
  const groupsKind = randomInt(random, 0, 3);
  const cg = randomInt(random, 1, 3), og = randomInt(random, 1, 3);
  const groups = [1, 2, 3, 4][groupsKind]!;
  const depthwise = groupsKind === 3;
  const c = depthwise ? groups : groups * cg;
  const o = groups * og;
  const h = randomInt(random, 1, 9), w = randomInt(random, 1, 9);
  const kh = randomInt(random, 1, 4), kw = randomInt(random, 1, 4);
  const strides = [randomInt(random, 1, 3), randomInt(random, 1, 3)];
  const dilations = [randomInt(random, 1, 3), randomInt(random, 1, 3)];
  const padKind = randomInt(random, 0, 2);
  const pads: Padding = padKind === 0 ? 'valid' : padKind === 1 ? 'same' : [0, 0, 0, 0].map(() => randomInt(random, 0, 3));
  const paddingMode = randomInt(random, 0, 1) === 1 ? 'circular' : 'zeros';
  const cs: Case = { n: randomInt(random, 1, 2), c, h, w, o, kh, kw, bias: random() < 0.65, attrs: attrs({ strides, dilations, pads, groups, paddingMode }) };
  const p = explicitPads(pads, cs);
  if (paddingMode === 'circular' && (p[0]! > h || p[2]! > h || p[1]! > w || p[3]! > w)) return undefined;
  if (h + p[0]! + p[2]! < (kh - 1) * dilations[0]! + 1 || w + p[1]! + p[3]! < (kw - 1) * dilations[1]! + 1) return undefined;
  return cs;
}

describe('conv2d kernel', () => {
  it('matches the direct definition over a sweep of random attribute combinations', () => {
    const random = seeded(42);
    let ran = 0, circular = 0, depthwise = 0, same = 0;
    for (let trial = 0; ran < 400; trial++) {
      const c = randomCase(random);
      if (!c) continue;
      runAndCompare(c, trial);
      ran++;
      if (c.attrs.paddingMode === 'circular') circular++;
      if (c.attrs.groups === c.c && c.c > 1) depthwise++;
      if (c.attrs.pads === 'same') same++;
    }
    // The sweep must really cover the interesting corners, not just draw them in principle.
    expect(circular).toBeGreaterThan(50);
    expect(depthwise).toBeGreaterThan(50);
    expect(same).toBeGreaterThan(50);
  });

  it('matches on named corners: 1×1 direct path, strided same, asymmetric pads, circular same, depthwise', () => {
    let seed = 100;
    const base = { n: 2, c: 4, h: 7, w: 6, o: 6, kh: 3, kw: 3, bias: true };
    runAndCompare({ ...base, kh: 1, kw: 1, attrs: attrs() }, seed++);
    runAndCompare({ ...base, kh: 1, kw: 1, attrs: attrs({ groups: 2 }), bias: false }, seed++);
    runAndCompare({ ...base, kh: 1, kw: 1, attrs: attrs({ strides: [2, 2] }) }, seed++);
    runAndCompare({ ...base, attrs: attrs({ strides: [2, 2], pads: 'same' }) }, seed++);
    runAndCompare({ ...base, attrs: attrs({ pads: [0, 2, 1, 0] }) }, seed++);
    runAndCompare({ ...base, attrs: attrs({ pads: 'same', paddingMode: 'circular', dilations: [2, 1] }) }, seed++);
    runAndCompare({ ...base, attrs: attrs({ pads: [3, 0, 1, 6], paddingMode: 'circular' }) }, seed++);
    runAndCompare({ ...base, o: 8, attrs: attrs({ groups: 4, pads: [1, 1, 1, 1] }) }, seed++);
    runAndCompare({ ...base, attrs: attrs({ strides: [3, 2], dilations: [2, 3], pads: [2, 1, 0, 2] }) }, seed++);
  });

  it('matches when the unrolled matrix is larger than the GEMM blocks (depth 288, 400 columns)', () => {
    runAndCompare({ n: 1, c: 32, h: 20, w: 20, o: 10, kh: 3, kw: 3, bias: true, attrs: attrs({ pads: 'same' }) }, 7);
  });

  it('works out a 1×1×3×3 input with a 2×2 kernel by hand', () => {
    // x = [1 2 3; 4 5 6; 7 8 9], w = [1 0; 0 -1] (top-left minus bottom-right), bias 10:
    // y = [1-5, 2-6; 4-8, 5-9] + 10 = [6 6; 6 6]
    const x = cpuTensor(Float32Array.of(1, 2, 3, 4, 5, 6, 7, 8, 9), [1, 1, 3, 3]);
    const w = cpuTensor(Float32Array.of(1, 0, 0, -1), [1, 1, 2, 2]);
    const [y] = conv2dKernel([x, w, cpuTensor(Float32Array.of(10), [1])], attrs());
    expect(y!.shape).toEqual([1, 1, 2, 2]);
    expect([...f32(y!)]).toEqual([6, 6, 6, 6]);
  });

  describe('rejects bad input with a CnnkitError naming conv2d, the input and what was expected', () => {
    const x = cpuTensor(new Float32Array(1 * 4 * 5 * 5), [1, 4, 5, 5]);
    const expectError = (fn: () => unknown, code: string, pattern: RegExp): void => {
      let error: unknown;
      try { fn(); } catch (e) { error = e; }
      expect(error).toBeInstanceOf(CnnkitError);
      expect((error as CnnkitError).code).toBe(code);
      expect((error as CnnkitError).message).toMatch(/conv2d/);
      expect((error as CnnkitError).message).toMatch(pattern);
    };
    it('groups that do not divide the channels', () => {
      expectError(() => conv2dKernel([x, cpuTensor(new Float32Array(6 * 4 * 9), [6, 4, 3, 3])], attrs({ groups: 3 })), 'SHAPE_MISMATCH', /groups 3 must divide/);
    });
    it('weight input channels that do not match x', () => {
      expectError(() => conv2dKernel([x, cpuTensor(new Float32Array(6 * 3 * 9), [6, 3, 3, 3])], attrs()), 'SHAPE_MISMATCH', /should have 4 input channels/);
    });
    it('a kernel larger than the padded input', () => {
      expectError(() => conv2dKernel([x, cpuTensor(new Float32Array(6 * 4 * 36), [6, 4, 6, 6])], attrs()), 'SHAPE_MISMATCH', /too small for kernel 6/);
    });
    it('circular pads larger than the input', () => {
      expectError(() => conv2dKernel([x, cpuTensor(new Float32Array(6 * 4 * 9), [6, 4, 3, 3])], attrs({ pads: [6, 0, 0, 0], paddingMode: 'circular' })), 'SHAPE_MISMATCH', /circular padding 6/);
    });
    it('a bias of the wrong length', () => {
      expectError(() => conv2dKernel([x, cpuTensor(new Float32Array(6 * 4 * 9), [6, 4, 3, 3]), cpuTensor(new Float32Array(5), [5])], attrs()), 'SHAPE_MISMATCH', /bias has shape \[5\]; expected \[6\]/);
    });
    it('a rank-3 x', () => {
      expectError(() => conv2dKernel([cpuTensor(new Float32Array(20), [4, 5, 1]), cpuTensor(new Float32Array(9), [1, 1, 3, 3])], attrs()), 'SHAPE_MISMATCH', /x/);
    });
    it('an int32 weight', () => {
      expectError(() => conv2dKernel([x, cpuTensor(new Int32Array(6 * 4 * 9), [6, 4, 3, 3])], attrs()), 'DTYPE_MISMATCH', /'weight' \[6, 4, 3, 3\] is int32; expected float32/);
    });
    it('a missing weight', () => {
      expectError(() => conv2dKernel([x], attrs()), 'INVALID_ARGUMENT', /given 1 inputs; expected x, weight and an optional bias/);
    });
  });
});
