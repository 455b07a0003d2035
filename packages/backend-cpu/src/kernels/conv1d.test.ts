import { type ConvAttrs, type Padding, CnnkitError } from '@cnnkit/core';
import { describe, expect, it } from 'vitest';
import { cpuTensor, f32 } from '../tensor';
import { conv1dKernel } from './conv1d';
import { randomInt, randomTensor, seeded } from './kernel-test-data';

interface Case { n: number; c: number; l: number; o: number; k: number; attrs: ConvAttrs; bias: boolean }

/** Explicit [begin, end] for a padding spec; 'same' is SAME_UPPER, worked out here. */
function explicitPads(pads: Padding, c: Case): [number, number] {
  if (pads === 'valid') return [0, 0];
  if (pads !== 'same') return [pads[0]!, pads[1]!];
  const s = c.attrs.strides[0]!, d = c.attrs.dilations[0]!;
  const total = Math.max((Math.ceil(c.l / s) - 1) * s + (c.k - 1) * d + 1 - c.l, 0);
  return [Math.floor(total / 2), total - Math.floor(total / 2)];
}

/**
 * The definition, independently of im2col: y[n, o, t] = bias[o] + Σ_{ci, j} w[o, ci, j] ·
 * xpad[n, group·C/g + ci, t·stride + j·dilation], xpad being x padded with zeros or wrapped around.
 */
function naiveConv1d(x: Float32Array, w: Float32Array, b: Float32Array | undefined, c: Case): { data: Float64Array; shape: number[] } {
  const [pb, pe] = explicitPads(c.attrs.pads, c);
  const s = c.attrs.strides[0]!, d = c.attrs.dilations[0]!;
  const cg = c.c / c.attrs.groups, og = c.o / c.attrs.groups;
  const read = (n: number, ch: number, i: number): number => {
    let src = i - pb;
    if (c.attrs.paddingMode === 'circular') src = (src + c.l) % c.l;
    return src >= 0 && src < c.l ? x[(n * c.c + ch) * c.l + src]! : 0;
  };
  const outLen = Math.floor((c.l + pb + pe - (c.k - 1) * d - 1) / s) + 1;
  const out = new Float64Array(c.n * c.o * outLen);
  for (let n = 0; n < c.n; n++) for (let o = 0; o < c.o; o++) for (let t = 0; t < outLen; t++) {
    const group = Math.floor(o / og);
    let sum = b ? b[o]! : 0;
    for (let ci = 0; ci < cg; ci++) for (let j = 0; j < c.k; j++) sum += read(n, group * cg + ci, t * s + j * d) * w[(o * cg + ci) * c.k + j]!;
    out[(n * c.o + o) * outLen + t] = sum;
  }
  return { data: out, shape: [c.n, c.o, outLen] };
}

function runAndCompare(c: Case, seed: number): void {
  const random = seeded(seed);
  const x = randomTensor(random, [c.n, c.c, c.l]);
  const w = randomTensor(random, [c.o, c.c / c.attrs.groups, c.k]);
  const b = c.bias ? randomTensor(random, [c.o]) : undefined;
  const expected = naiveConv1d(f32(x), f32(w), b && f32(b), c);
  const [y] = conv1dKernel(b ? [x, w, b] : [x, w], c.attrs);
  const label = JSON.stringify(c);
  expect(y!.shape, label).toEqual(expected.shape);
  const got = f32(y!);
  const depth = (c.c / c.attrs.groups) * c.k;
  for (let i = 0; i < got.length; i++) {
    if (Math.abs(got[i]! - expected.data[i]!) > 1e-5 * (depth + 1)) expect.fail(`${label}: y[${i}] = ${got[i]}, expected ${expected.data[i]}`);
  }
}

const attrs = (over: Partial<ConvAttrs> = {}): ConvAttrs => ({ strides: [1], pads: 'valid', dilations: [1], groups: 1, paddingMode: 'zeros', ...over });

describe('conv1d kernel', () => {
  it('matches the direct definition over a sweep of random attribute combinations', () => {
    const random = seeded(7);
    let ran = 0, circular = 0, grouped = 0;
    for (let trial = 0; ran < 400; trial++) {
      // Groups 1, 2, 3, or depthwise (groups = channels = 5, with a channel multiplier og).
      const kind = randomInt(random, 0, 3);
      const groups = [1, 2, 3, 5][kind]!;
      const cg = kind === 3 ? 1 : randomInt(random, 1, 3), og = randomInt(random, 1, 3);
      const l = randomInt(random, 1, 16), k = randomInt(random, 1, 5);
      const s = randomInt(random, 1, 3), d = randomInt(random, 1, 3);
      const padKind = randomInt(random, 0, 2);
      const pads: Padding = padKind === 0 ? 'valid' : padKind === 1 ? 'same' : [randomInt(random, 0, 4), randomInt(random, 0, 4)];
      const paddingMode = randomInt(random, 0, 1) === 1 ? 'circular' : 'zeros';
      const c: Case = { n: randomInt(random, 1, 3), c: groups * cg, l, o: groups * og, k, bias: randomInt(random, 0, 1) === 1, attrs: attrs({ strides: [s], dilations: [d], pads, groups, paddingMode }) };
      const [pb, pe] = explicitPads(pads, c);
      if (paddingMode === 'circular' && (pb > l || pe > l)) continue;
      if (l + pb + pe < (k - 1) * d + 1) continue;
      runAndCompare(c, trial);
      ran++;
      if (paddingMode === 'circular') circular++;
      if (groups > 1) grouped++;
    }
    expect(circular).toBeGreaterThan(100);
    expect(grouped).toBeGreaterThan(200);
  });

  it('matches for a long sequence whose unrolled matrix is larger than the GEMM blocks', () => {
    runAndCompare({ n: 2, c: 64, l: 300, o: 9, k: 5, bias: true, attrs: attrs({ pads: 'same', dilations: [2] }) }, 3);
    runAndCompare({ n: 1, c: 6, l: 50, o: 4, k: 1, bias: false, attrs: attrs() }, 4);
  });

  it('works out a circular example by hand', () => {
    // x = [1 2 3 4], pads [1, 1] circular → [4 1 2 3 4 1]; w = [1 10 100], stride 2:
    // t=0 reads [4 1 2] → 4 + 10 + 200 = 214; t=1 reads [2 3 4] → 2 + 30 + 400 = 432.
    const [y] = conv1dKernel([cpuTensor(Float32Array.of(1, 2, 3, 4), [1, 1, 4]), cpuTensor(Float32Array.of(1, 10, 100), [1, 1, 3])], attrs({ strides: [2], pads: [1, 1], paddingMode: 'circular' }));
    expect(y!.shape).toEqual([1, 1, 2]);
    expect([...f32(y!)]).toEqual([214, 432]);
  });

  it('rejects bad input with a CnnkitError naming conv1d, what was given and what was expected', () => {
    const x = cpuTensor(new Float32Array(2 * 4 * 6), [2, 4, 6]);
    const cases: [() => unknown, string, RegExp][] = [
      [() => conv1dKernel([x, cpuTensor(new Float32Array(3 * 2 * 3), [3, 2, 3])], attrs({ groups: 2 })), 'SHAPE_MISMATCH', /groups 2 must divide/],
      [() => conv1dKernel([x, cpuTensor(new Float32Array(4 * 4 * 3), [4, 4, 3])], attrs({ pads: [7, 0], paddingMode: 'circular' })), 'SHAPE_MISMATCH', /circular padding 7/],
      [() => conv1dKernel([x, cpuTensor(new Float32Array(4 * 4 * 3), [4, 4, 3, 1])], attrs()), 'SHAPE_MISMATCH', /weight/],
      [() => conv1dKernel([cpuTensor(new Int32Array(2 * 4 * 6), [2, 4, 6]), cpuTensor(new Float32Array(4 * 4 * 3), [4, 4, 3])], attrs()), 'DTYPE_MISMATCH', /'x' \[2, 4, 6\] is int32; expected float32/],
    ];
    for (const [fn, code, pattern] of cases) {
      let error: unknown;
      try { fn(); } catch (e) { error = e; }
      expect(error).toBeInstanceOf(CnnkitError);
      expect((error as CnnkitError).code).toBe(code);
      expect((error as CnnkitError).message).toMatch(/conv1d/);
      expect((error as CnnkitError).message).toMatch(pattern);
    }
  });
});
