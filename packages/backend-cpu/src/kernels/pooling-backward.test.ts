import { type AvgPoolBackwardAttrs, type MaxPoolAttrs, CnnkitError, getOpDef } from '@cnnkit/core';
import { describe, expect, it } from 'vitest';
import { cpuTensor, f32 } from '../tensor';
import { avgPool1dBackwardKernel } from './avg-pool1d-backward';
import { avgPool2dBackwardKernel } from './avg-pool2d-backward';
import { maxPool1dBackwardKernel } from './max-pool1d-backward';
import { maxPool2dBackwardKernel } from './max-pool2d-backward';
import { type RefPool, describePool, randomPool, refAvgPool, refMaxPool, refOutSize, seededRandom } from './pooling-reference.test-helpers';

const size = (shape: readonly number[]): number => shape.reduce((a, b) => a * b, 1);

function explicitPads(p: RefPool): number[] {
  const s = p.shape.length - 2;
  if (p.pads === 'valid') return new Array<number>(2 * s).fill(0);
  if (p.pads !== 'same') return [...p.pads];
  const begins: number[] = [], ends: number[] = [];
  for (let i = 0; i < s; i++) {
    const n = p.shape[i + 2]!;
    const total = Math.max((Math.ceil(n / p.strides[i]!) - 1) * p.strides[i]! + (p.kernel[i]! - 1) * p.dilations[i]! + 1 - n, 0);
    begins.push(Math.floor(total / 2));
    ends.push(total - Math.floor(total / 2));
  }
  return [...begins, ...ends];
}

/** Core (as PyTorch) allows pool pads of at most half the undilated kernel; randomPool goes further. */
function padsAllowed(p: RefPool): boolean {
  const s = p.shape.length - 2;
  return explicitPads(p).every((v, i) => v <= Math.floor(p.kernel[i % s]! / 2));
}

/** Multi-indices of a shape in row-major order. */
function positions(shape: readonly number[]): number[][] {
  return Array.from({ length: size(shape) }, (_, flat) => {
    const idx = new Array<number>(shape.length);
    for (let i = shape.length - 1; i >= 0; i--) {
      idx[i] = flat % shape[i]!;
      flat = Math.floor(flat / shape[i]!);
    }
    return idx;
  });
}

/**
 * Walks every window of the definition: tap t of output o sits at padded coordinate o·s + t·d;
 * past the padded extent (ceilMode's overhang) it is not in the window, inside the input it is a
 * real element (its flat index in x), otherwise padding (-1). Taps come in row-major order.
 */
function windows(p: RefPool): number[][] {
  const s = p.shape.length - 2, pads = explicitPads(p), out = refOutSize(p);
  const spatialIn = p.shape.slice(2);
  const result: number[][] = [];
  for (let plane = 0; plane < p.shape[0]! * p.shape[1]!; plane++) {
    for (const o of positions(out)) {
      const taps: number[] = [];
      for (const t of positions(p.kernel)) {
        const coord = o.map((v, a) => v * p.strides[a]! + t[a]! * p.dilations[a]!);
        if (coord.some((c, a) => c >= spatialIn[a]! + pads[a]! + pads[a + s]!)) continue;
        const src = coord.map((c, a) => c - pads[a]!);
        const real = src.every((c, a) => c >= 0 && c < spatialIn[a]!);
        taps.push(real ? plane * size(spatialIn) + src.reduce((acc, c, a) => acc * spatialIn[a]! + c, 0) : -1);
      }
      result.push(taps);
    }
  }
  return result;
}

/** PyTorch's pick: the first strict maximum in scan order, except that a NaN always takes over. */
function refMaxPoolBackward(x: Float32Array, dy: Float32Array, p: RefPool): Float64Array {
  const dx = new Float64Array(x.length);
  windows(p).forEach((taps, o) => {
    const real = taps.filter((i) => i >= 0);
    // A dilated window can miss the input entirely: forward gives -Infinity, torch routes nothing.
    if (real.length === 0) return;
    let at = real[0]!, best = -Infinity;
    for (const i of real) if (x[i]! > best || Number.isNaN(x[i])) [at, best] = [i, x[i]!];
    dx[at]! += dy[o]!;
  });
  return dx;
}

function refAvgPoolBackward(dy: Float32Array, p: RefPool, countIncludePad: boolean): Float64Array {
  const dx = new Float64Array(size(p.shape));
  windows(p).forEach((taps, o) => {
    const real = taps.filter((i) => i >= 0);
    for (const i of real) dx[i]! += dy[o]! / (countIncludePad ? taps.length : real.length);
  });
  return dx;
}

function runMax(p: RefPool, x: Float32Array, dy: Float32Array): Float32Array {
  const spatial = p.shape.length - 2;
  const op = spatial === 1 ? 'maxPool1dBackward' : 'maxPool2dBackward';
  const attrs: MaxPoolAttrs = getOpDef(op).normalize({ kernelSize: p.kernel, strides: p.strides, pads: p.pads, dilations: p.dilations, ceilMode: p.ceilMode }, op);
  const kernel = spatial === 1 ? maxPool1dBackwardKernel : maxPool2dBackwardKernel;
  const [dx] = kernel([cpuTensor(x, p.shape), cpuTensor(dy, [p.shape[0]!, p.shape[1]!, ...refOutSize(p)])], attrs);
  expect(dx!.shape).toEqual(p.shape);
  return f32(dx!);
}

function runAvg(p: RefPool, dy: Float32Array, countIncludePad: boolean): Float32Array {
  const spatial = p.shape.length - 2;
  const op = spatial === 1 ? 'avgPool1dBackward' : 'avgPool2dBackward';
  const attrs: AvgPoolBackwardAttrs = getOpDef(op).normalize({ kernelSize: p.kernel, strides: p.strides, pads: p.pads, ceilMode: p.ceilMode, countIncludePad, inputSize: p.shape.slice(2) }, op);
  const kernel = spatial === 1 ? avgPool1dBackwardKernel : avgPool2dBackwardKernel;
  const [dx] = kernel([cpuTensor(dy, [p.shape[0]!, p.shape[1]!, ...refOutSize(p)])], attrs);
  expect(dx!.shape).toEqual(p.shape);
  return f32(dx!);
}

const dot = (a: ArrayLike<number>, b: ArrayLike<number>): number => {
  let sum = 0;
  for (let i = 0; i < a.length; i++) sum += a[i]! * b[i]!;
  return sum;
};

function expectClose(got: Float32Array, want: Float64Array, where: string): void {
  got.forEach((v, i) => expect(Math.abs(v - want[i]!), `${where} at ${i}: ${v} vs ${want[i]}`).toBeLessThanOrEqual(1e-5 + 1e-5 * Math.abs(want[i]!)));
}

describe('maxPool1dBackward / maxPool2dBackward kernels', () => {
  for (const spatial of [1, 2] as const) {
    it(`route dy like PyTorch and satisfy <maxPool(x), dy> = <x, dx> over random ${spatial}-D configurations`, () => {
      const rand = seededRandom(77 + spatial);
      let checked = 0, ties = 0;
      for (let trial = 0; checked < 300 && trial < 5000; trial++) {
        const p = randomPool(rand, spatial, true);
        if (refOutSize(p).some((o) => o < 1) || !padsAllowed(p)) continue;
        // Small integers make ties common, so the first-maximum rule is exercised; some trials carry NaN.
        const nan = trial % 4 === 0;
        const x = Float32Array.from({ length: size(p.shape) }, () => (nan && rand() < 0.1 ? NaN : Math.floor(rand() * 4)));
        const dy = Float32Array.from({ length: size(p.shape.slice(0, 2)) * size(refOutSize(p)) }, () => Math.fround(rand() * 2 - 1));
        const dx = runMax(p, x, dy);
        expectClose(dx, refMaxPoolBackward(x, dy, p), describePool(p));
        // Windows that miss the input are -Infinity forward and carry no gradient: leave them out.
        const y = refMaxPool(x, p).map((v) => (v === -Infinity ? 0 : v));
        if (!nan) expect(Math.abs(dot(y, dy) - dot(x, dx)), describePool(p)).toBeLessThan(1e-4);
        if (p.kernel.some((k) => k > 1)) ties++;
        checked++;
      }
      expect(checked).toBe(300);
      expect(ties).toBeGreaterThan(150);
    });
  }

  it('picks the first of equal maxima, the last NaN, and the first element of an all -Infinity window (as torch)', () => {
    // Window 4 over one row: [1 3 3 2] -> index 1; [NaN 1 NaN 2] -> index 2; [-inf x4] -> index 0; [2 NaN 5 1] -> index 1.
    const p: RefPool = { shape: [4, 1, 4], kernel: [4], strides: [1], dilations: [1], pads: 'valid', ceilMode: false };
    const x = Float32Array.of(1, 3, 3, 2, NaN, 1, NaN, 2, -Infinity, -Infinity, -Infinity, -Infinity, 2, NaN, 5, 1);
    expect([...runMax(p, x, Float32Array.of(10, 20, 30, 40))]).toEqual([0, 10, 0, 0, 0, 0, 20, 0, 30, 0, 0, 0, 0, 40, 0, 0]);
  });

  it('takes the unrolled path for 2×2 windows at stride 2 with the same choices: ties, NaN, -Infinity, odd sizes', () => {
    const rand = seededRandom(5);
    const specials = [NaN, -Infinity, Infinity, -0, 0];
    for (const [h, w] of [[4, 6], [5, 7], [2, 2], [9, 3], [8, 8], [7, 11], [10, 15], [28, 28], [3, 20]] as const) {
      const p: RefPool = { shape: [2, 3, h, w], kernel: [2, 2], strides: [2, 2], dilations: [1, 1], pads: 'valid', ceilMode: false };
      const x = Float32Array.from({ length: size(p.shape) }, () => (rand() < 0.2 ? specials[Math.floor(rand() * specials.length)]! : Math.floor(rand() * 3)));
      // −0 in dy lands as +0 (0 + −0, as dx[at] += dy on zeros); NaN lands as NaN.
      const dy = Float32Array.from({ length: size(p.shape.slice(0, 2)) * size(refOutSize(p)) }, () => (rand() < 0.1 ? -0 : rand() < 0.05 ? NaN : Math.fround(rand() * 2 - 1)));
      const dx = runMax(p, x, dy);
      const want = refMaxPoolBackward(x, dy, p);
      dx.forEach((v, i) => expect(v, `${describePool(p)} at ${i}`).toBe(want[i]));
    }
  });

  it('adds up dy where overlapping windows pick the same element (2-D by hand)', () => {
    // x = [1 2; 3 9], 2x2 window, stride 1, pad 1: 3x3 windows, (oh, ow) over rows oh-1..oh, cols ow-1..ow.
    // Row 0: {1} -> x00, {1 2} -> x01, {2} -> x01.  Row 1: {1 3} -> x10, {1 2 3 9} -> x11, {2 9} -> x11.
    // Row 2: {3} -> x10, {3 9} -> x11, {9} -> x11.  With dy = 1 everywhere: dx = [1 2; 2 4].
    const p: RefPool = { shape: [1, 1, 2, 2], kernel: [2, 2], strides: [1, 1], dilations: [1, 1], pads: [1, 1, 1, 1], ceilMode: false };
    expect([...runMax(p, Float32Array.of(1, 2, 3, 9), new Float32Array(9).fill(1))]).toEqual([1, 2, 2, 4]);
  });

  it('rejects a dy that does not match the pooled x, naming the op', () => {
    const attrs = getOpDef('maxPool2dBackward').normalize({ kernelSize: [2, 2], strides: [2, 2] }, 'maxPool2dBackward');
    expect(() => maxPool2dBackwardKernel([cpuTensor(new Float32Array(16), [1, 1, 4, 4]), cpuTensor(new Float32Array(9), [1, 1, 3, 3])], attrs))
      .toThrow(/maxPool2dBackward.*dy has shape \[1, 1, 3, 3\]; expected \[1, 1, 2, 2\]/);
    expect(() => maxPool2dBackwardKernel([cpuTensor(new Float32Array(16), [1, 1, 4, 4])], attrs)).toThrow(CnnkitError);
  });
});

describe('avgPool1dBackward / avgPool2dBackward kernels', () => {
  for (const spatial of [1, 2] as const) {
    it(`spread dy by PyTorch's divisors and satisfy <avgPool(x), dy> = <x, dx> over random ${spatial}-D configurations`, () => {
      const rand = seededRandom(99 + spatial);
      let checked = 0, ceil = 0, include = 0;
      for (let trial = 0; checked < 300 && trial < 5000; trial++) {
        const p = randomPool(rand, spatial, false);
        const countIncludePad = rand() < 0.5;
        if (refOutSize(p).some((o) => o < 1) || !padsAllowed(p)) continue;
        const dy = Float32Array.from({ length: size(p.shape.slice(0, 2)) * size(refOutSize(p)) }, () => Math.fround(rand() * 2 - 1));
        const x = Float32Array.from({ length: size(p.shape) }, () => Math.fround(rand() * 2 - 1));
        const dx = runAvg(p, dy, countIncludePad);
        const where = `${describePool(p)} countIncludePad ${countIncludePad}`;
        expectClose(dx, refAvgPoolBackward(dy, p, countIncludePad), where);
        expect(Math.abs(dot(refAvgPool(x, p, countIncludePad), dy) - dot(x, dx)), where).toBeLessThan(1e-4);
        if (p.ceilMode) ceil++;
        if (countIncludePad) include++;
        checked++;
      }
      expect(checked).toBe(300);
      expect(ceil).toBeGreaterThan(80);
      expect(include).toBeGreaterThan(80);
    });
  }

  it('divides by the padded window with countIncludePad and by the real elements without (1-D by hand)', () => {
    // Length 3, window 2, stride 2, pad 1: windows {pad, x0} and {x1, x2}. dy = [4, 6].
    // Including padding both divide by 2: dx = [2, 3, 3]. Excluding it the first divides by 1: dx = [4, 3, 3].
    const p: RefPool = { shape: [1, 1, 3], kernel: [2], strides: [2], dilations: [1], pads: [1, 1], ceilMode: false };
    expect([...runAvg(p, Float32Array.of(4, 6), true)]).toEqual([2, 3, 3]);
    expect([...runAvg(p, Float32Array.of(4, 6), false)]).toEqual([4, 3, 3]);
  });

  it('rejects a dy that does not match inputSize, naming the op', () => {
    const attrs = getOpDef('avgPool1dBackward').normalize({ kernelSize: [2], strides: [2], inputSize: [6] }, 'avgPool1dBackward');
    expect(() => avgPool1dBackwardKernel([cpuTensor(new Float32Array(4), [1, 1, 4])], attrs)).toThrow(/avgPool1dBackward.*dy has shape \[1, 1, 4\]; expected \[1, 1, 3\]/);
  });
});
