import { type ConvAttrs, type Padding, type Tensor, CnnkitError } from '@cnnkit/core';
import { describe, expect, it } from 'vitest';
import { cpuTensor, f32 } from '../tensor';
import { conv1dBackwardFilterKernel } from './conv1d-backward-filter';
import { conv1dBackwardInputKernel } from './conv1d-backward-input';
import { conv1dKernel } from './conv1d';
import { conv2dBackwardFilterKernel } from './conv2d-backward-filter';
import { conv2dBackwardInputKernel } from './conv2d-backward-input';
import { conv2dKernel } from './conv2d';
import { product, randomF32, seeded } from './kernel-test-data';

/** One convolution problem, any number of spatial axes (1 or 2 here). */
interface Problem {
  n: number; c: number; o: number;
  size: number[]; kernel: number[];
  attrs: ConvAttrs;
}

/** Explicit [begins..., ends...]; 'same' worked out here longhand (SAME_UPPER). */
function explicitPads(p: Problem): number[] {
  const s = p.size.length;
  if (p.attrs.pads === 'valid') return new Array<number>(2 * s).fill(0);
  if (p.attrs.pads !== 'same') return [...p.attrs.pads];
  const begins: number[] = [], ends: number[] = [];
  p.size.forEach((n, i) => {
    const total = Math.max((Math.ceil(n / p.attrs.strides[i]!) - 1) * p.attrs.strides[i]! + (p.kernel[i]! - 1) * p.attrs.dilations[i]! + 1 - n, 0);
    begins.push(Math.floor(total / 2));
    ends.push(total - Math.floor(total / 2));
  });
  return [...begins, ...ends];
}

function outSizeOf(p: Problem): number[] {
  const pads = explicitPads(p), s = p.size.length;
  return p.size.map((n, i) => Math.floor((n + pads[i]! + pads[i + s]! - (p.kernel[i]! - 1) * p.attrs.dilations[i]! - 1) / p.attrs.strides[i]!) + 1);
}

/** Row-major multi-indices of a shape, in order. */
function positions(shape: number[]): number[][] {
  const out: number[][] = [];
  const total = product(shape);
  for (let flat = 0; flat < total; flat++) {
    const idx = new Array<number>(shape.length);
    for (let i = shape.length - 1, r = flat; i >= 0; i--) {
      idx[i] = r % shape[i]!;
      r = Math.floor(r / shape[i]!);
    }
    out.push(idx);
  }
  return out;
}

const flatIndex = (idx: number[], shape: number[]): number => idx.reduce((acc, v, i) => acc * shape[i]! + v, 0);

/**
 * The definition, walked tap by tap in float64, knowing nothing of im2col: output element
 * (n, o, pos) sums x[n, ci, pos·s − pb + t·d] · w[o, ci, t]; a padded tap reads zero or, circular,
 * the wrapped element. Every product also feeds both gradients, dx[src] += w·dy and dw += x·dy,
 * and |products| are summed per element to scale the float32 tolerance.
 */
function naive(p: Problem, x: Float32Array, w: Float32Array, dy: Float32Array) {
  const s = p.size.length, pads = explicitPads(p), out = outSizeOf(p);
  const g = p.attrs.groups, cg = p.c / g, og = p.o / g;
  const circular = p.attrs.paddingMode === 'circular';
  const xShape = [p.n, p.c, ...p.size], wShape = [p.o, cg, ...p.kernel], yShape = [p.n, p.o, ...out];
  const y = new Float64Array(product(yShape));
  const dx = new Float64Array(x.length), dxMag = new Float64Array(x.length);
  const dw = new Float64Array(w.length), dwMag = new Float64Array(w.length);
  const outPositions = positions(out), taps = positions(p.kernel);
  for (let n = 0; n < p.n; n++) for (let o = 0; o < p.o; o++) for (const pos of outPositions) {
    const yi = flatIndex([n, o, ...pos], yShape);
    const group = Math.floor(o / og);
    for (let ci = 0; ci < cg; ci++) for (const tap of taps) {
      const src: number[] = [];
      let inside = true;
      for (let a = 0; a < s; a++) {
        let v = pos[a]! * p.attrs.strides[a]! - pads[a]! + tap[a]! * p.attrs.dilations[a]!;
        if (v < 0 || v >= p.size[a]!) {
          if (circular) v = ((v % p.size[a]!) + p.size[a]!) % p.size[a]!;
          else inside = false;
        }
        src.push(v);
      }
      if (!inside) continue;
      const xi = flatIndex([n, group * cg + ci, ...src], xShape);
      const wi = flatIndex([o, ci, ...tap], wShape);
      y[yi]! += x[xi]! * w[wi]!;
      dx[xi]! += w[wi]! * dy[yi]!;
      dxMag[xi]! += Math.abs(w[wi]! * dy[yi]!);
      dw[wi]! += x[xi]! * dy[yi]!;
      dwMag[wi]! += Math.abs(x[xi]! * dy[yi]!);
    }
  }
  return { y, yShape, dx, dxMag, dw, dwMag };
}

function kernelsOf(spatial: number) {
  return spatial === 1
    ? { forward: conv1dKernel, input: conv1dBackwardInputKernel, filter: conv1dBackwardFilterKernel }
    : { forward: conv2dKernel, input: conv2dBackwardInputKernel, filter: conv2dBackwardFilterKernel };
}

const dot = (a: ArrayLike<number>, b: ArrayLike<number>): number => {
  let sum = 0;
  for (let i = 0; i < a.length; i++) sum += a[i]! * b[i]!;
  return sum;
};

function check(p: Problem, seed: number): void {
  const rand = seeded(seed);
  const label = JSON.stringify(p);
  const x = randomF32(rand, p.n * p.c * product(p.size));
  const w = randomF32(rand, p.o * (p.c / p.attrs.groups) * product(p.kernel));
  const ref = naive(p, x, w, new Float32Array(0));
  const dy = randomF32(rand, ref.y.length);
  const { y, yShape, dx, dxMag, dw, dwMag } = naive(p, x, w, dy);
  const k = kernelsOf(p.size.length);
  const xT = cpuTensor(x, [p.n, p.c, ...p.size]), wT = cpuTensor(w, [p.o, p.c / p.attrs.groups, ...p.kernel]), dyT = cpuTensor(dy, yShape);

  const [dxT] = k.input([dyT, wT], { ...p.attrs, inputSize: p.size });
  const [dwT] = k.filter([xT, dyT], { ...p.attrs, kernelSize: p.kernel });
  expect(dxT!.shape, label).toEqual(xT.shape);
  expect(dwT!.shape, label).toEqual(wT.shape);
  const gotDx = f32(dxT!), gotDw = f32(dwT!);
  for (let i = 0; i < dx.length; i++) {
    if (Math.abs(gotDx[i]! - dx[i]!) > 1e-5 * dxMag[i]! + 1e-6) expect.fail(`${label}: dx[${i}] = ${gotDx[i]}, expected ${dx[i]}`);
  }
  for (let i = 0; i < dw.length; i++) {
    if (Math.abs(gotDw[i]! - dw[i]!) > 1e-5 * dwMag[i]! + 1e-6) expect.fail(`${label}: dw[${i}] = ${gotDw[i]}, expected ${dw[i]}`);
  }
  // The adjoint identity <conv(x, w), dy> = <x, dx> = <w, dw>, with the forward from the definition.
  const forward = dot(y, dy);
  const scale = 1e-5 * (dxMag.reduce((a, b) => a + b, 0) + 1);
  expect(Math.abs(dot(x, gotDx) - forward), label).toBeLessThan(scale);
  expect(Math.abs(dot(w, gotDw) - forward), label).toBeLessThan(scale);
  // ...and the forward kernel agrees with the definition, so the three kernels are one convolution.
  const [yT] = k.forward([xT, wT], p.attrs);
  expect(Math.abs(dot(f32(yT!), dy) - forward), label).toBeLessThan(scale);
}

const randomInt = (rand: () => number, lo: number, hi: number): number => lo + Math.floor(rand() * (hi - lo + 1));

/** A random valid problem (output at least 1, circular pads within the input), or undefined. */
function randomProblem(rand: () => number, spatial: number): Problem | undefined {
  const groups = randomInt(rand, 1, 3);
  const depthwise = rand() < 0.25;
  const c = depthwise ? groups : groups * randomInt(rand, 1, 3);
  const o = groups * randomInt(rand, 1, 3);
  const axes = Array.from({ length: spatial });
  const size = axes.map(() => randomInt(rand, 1, 8));
  const kernel = axes.map(() => randomInt(rand, 1, 4));
  const strides = axes.map(() => randomInt(rand, 1, 3));
  const dilations = axes.map(() => randomInt(rand, 1, 3));
  const r = rand();
  const pads: Padding = r < 0.2 ? 'valid' : r < 0.45 ? 'same' : [...axes, ...axes].map(() => randomInt(rand, 0, 3));
  const paddingMode = rand() < 0.35 ? 'circular' : 'zeros';
  const p: Problem = { n: randomInt(rand, 1, 2), c, o, size, kernel, attrs: { strides, pads, dilations, groups, paddingMode } };
  const explicit = explicitPads(p);
  if (paddingMode === 'circular' && explicit.some((v, i) => v > size[i % spatial]!)) return undefined;
  if (outSizeOf(p).some((v) => v < 1)) return undefined;
  return p;
}

const attrs2d = (over: Partial<ConvAttrs> = {}): ConvAttrs => ({ strides: [1, 1], pads: 'valid', dilations: [1, 1], groups: 1, paddingMode: 'zeros', ...over });

describe('conv1d / conv2d backward kernels (input and filter)', () => {
  for (const spatial of [1, 2]) {
    it(`match the tap-by-tap definition and the adjoint identity over random ${spatial}-D attribute sweeps`, () => {
      const rand = seeded(900 + spatial);
      let ran = 0, circular = 0, same = 0, grouped = 0, strided = 0, dilated = 0;
      for (let trial = 0; ran < 300; trial++) {
        const p = randomProblem(rand, spatial);
        if (!p) continue;
        check(p, trial);
        ran++;
        if (p.attrs.paddingMode === 'circular') circular++;
        if (p.attrs.pads === 'same') same++;
        if (p.attrs.groups > 1) grouped++;
        if (p.attrs.strides.some((s) => s > 1)) strided++;
        if (p.attrs.dilations.some((d) => d > 1)) dilated++;
      }
      // The sweep must really reach the corners, not just draw them in principle.
      for (const [what, count] of Object.entries({ circular, same, grouped, strided, dilated })) expect(count, what).toBeGreaterThan(40);
    });
  }

  it('match on named corners: 1×1 direct path, depthwise, strided same, asymmetric and circular pads', () => {
    let seed = 7;
    const base = { n: 2, c: 4, o: 6, size: [7, 6], kernel: [3, 3] };
    check({ ...base, kernel: [1, 1], attrs: attrs2d() }, seed++);
    check({ ...base, kernel: [1, 1], attrs: attrs2d({ groups: 2 }) }, seed++);
    check({ ...base, kernel: [1, 1], attrs: attrs2d({ strides: [2, 2] }) }, seed++);
    check({ ...base, o: 8, attrs: attrs2d({ groups: 4, pads: [1, 1, 1, 1] }) }, seed++);
    check({ ...base, attrs: attrs2d({ strides: [2, 2], pads: 'same' }) }, seed++);
    check({ ...base, attrs: attrs2d({ pads: [0, 2, 1, 0] }) }, seed++);
    check({ ...base, attrs: attrs2d({ pads: 'same', paddingMode: 'circular', dilations: [2, 1] }) }, seed++);
    check({ ...base, attrs: attrs2d({ pads: [3, 0, 1, 6], paddingMode: 'circular', strides: [2, 1] }) }, seed++);
    check({ ...base, attrs: attrs2d({ strides: [3, 2], dilations: [2, 3], pads: [2, 1, 0, 2] }) }, seed++);
  });

  it('match when the matrices are larger than the GEMM blocks (depth 288, 400 columns, batch 3)', () => {
    check({ n: 3, c: 32, o: 12, size: [20, 20], kernel: [3, 3], attrs: attrs2d({ pads: 'same' }) }, 11);
  });

  it('multiply a small-map batch in one product: forward bit for bit image by image, gradients as the definition', () => {
    // Maps under 512 positions take batched-conv.ts's one GEMM over every image's columns; a
    // batch of 1 takes the per-image loop, so slicing the batch gives the per-image result. Each
    // output element sums the same depth in the same order either way: equal bits.
    const problems: Problem[] = [
      { n: 5, c: 6, o: 16, size: [14, 14], kernel: [5, 5], attrs: attrs2d() }, // LeNet-5's second convolution
      { n: 7, c: 32, o: 5, size: [10, 10], kernel: [3, 3], attrs: attrs2d({ pads: [1, 1, 1, 1] }) }, // 700 columns, depth 288: blocks straddle images
      { n: 3, c: 3, o: 4, size: [9, 8], kernel: [3, 2], attrs: attrs2d({ strides: [2, 1], dilations: [1, 2], pads: [1, 0, 2, 1], paddingMode: 'circular' }) },
    ];
    problems.forEach((p, i) => {
      check(p, 40 + i);
      const rand = seeded(60 + i);
      const x = randomF32(rand, p.n * p.c * product(p.size)), w = randomF32(rand, p.o * p.c * product(p.kernel));
      const k = kernelsOf(2), wT = cpuTensor(w, [p.o, p.c, ...p.kernel]);
      const whole = f32(k.forward([cpuTensor(x, [p.n, p.c, ...p.size]), wT], p.attrs)[0]!);
      const image = p.c * product(p.size), out = whole.length / p.n;
      for (let n = 0; n < p.n; n++) {
        const one = f32(k.forward([cpuTensor(x.slice(n * image, (n + 1) * image), [1, p.c, ...p.size]), wT], p.attrs)[0]!);
        expect(whole.subarray(n * out, (n + 1) * out), `${JSON.stringify(p)} image ${n}`).toEqual(one);
      }
    });
  });

  it('work out a 1-D case by hand', () => {
    // x = [1 2 3], w = [1 10], valid, stride 1: y = [1 + 20, 2 + 30] = [21 32]. With dy = [1 100]:
    // dx = [1·1, 1·10 + 100·1, 100·10] = [1 110 1000];  dw = [1·1 + 100·2, 1·2 + 100·3] = [201 302].
    const a = { strides: [1], pads: 'valid' as const, dilations: [1], groups: 1, paddingMode: 'zeros' as const };
    const dy = cpuTensor(Float32Array.of(1, 100), [1, 1, 2]);
    const [dx] = conv1dBackwardInputKernel([dy, cpuTensor(Float32Array.of(1, 10), [1, 1, 2])], { ...a, inputSize: [3] });
    const [dw] = conv1dBackwardFilterKernel([cpuTensor(Float32Array.of(1, 2, 3), [1, 1, 3]), dy], { ...a, kernelSize: [2] });
    expect([...f32(dx!)]).toEqual([1, 110, 1000]);
    expect([...f32(dw!)]).toEqual([201, 302]);
  });

  it('add wrapped reads back onto their source under circular padding (by hand)', () => {
    // x = [a b c] circular pad 1 each side, kernel 3 of ones: y_i = x_{i-1} + x_i + x_{i+1}, every
    // x_j read three times, so dy = [1 2 4] gives dx_j = 1 + 2 + 4 = 7 for each j.
    const a = { strides: [1], pads: [1, 1], dilations: [1], groups: 1, paddingMode: 'circular' as const };
    const [dx] = conv1dBackwardInputKernel([cpuTensor(Float32Array.of(1, 2, 4), [1, 1, 3]), cpuTensor(Float32Array.of(1, 1, 1), [1, 1, 3])], { ...a, inputSize: [3] });
    expect([...f32(dx!)]).toEqual([7, 7, 7]);
  });

  describe('reject bad input with a CnnkitError naming the op and what was expected', () => {
    const expectError = (fn: () => unknown, op: string, pattern: RegExp): void => {
      let error: unknown;
      try { fn(); } catch (e) { error = e; }
      expect(error).toBeInstanceOf(CnnkitError);
      expect((error as CnnkitError).message).toMatch(op);
      expect((error as CnnkitError).message).toMatch(pattern);
    };
    const tensor = (shape: number[]): Tensor => cpuTensor(new Float32Array(product(shape)), shape);
    it('a dy that is not what the forward conv of inputSize makes', () => {
      expectError(() => conv2dBackwardInputKernel([tensor([1, 2, 4, 4]), tensor([2, 3, 3, 3])], { ...attrs2d(), inputSize: [5, 5] }), 'conv2dBackwardInput', /dy has shape \[1, 2, 4, 4\]; expected \[1, 2, 3, 3\]/);
    });
    it('a dy that does not fit x and kernelSize', () => {
      expectError(() => conv2dBackwardFilterKernel([tensor([1, 3, 5, 5]), tensor([1, 2, 5, 5])], { ...attrs2d(), kernelSize: [3, 3] }), 'conv2dBackwardFilter', /dy has shape \[1, 2, 5, 5\]; expected \[1, 2, 3, 3\]/);
    });
    it('groups that do not divide the channels of x', () => {
      expectError(() => conv1dBackwardFilterKernel([tensor([1, 3, 5]), tensor([1, 2, 3])], { strides: [1], pads: 'valid', dilations: [1], groups: 2, paddingMode: 'zeros', kernelSize: [3] }), 'conv1dBackwardFilter', /not divisible by groups 2/);
    });
    it('an int32 dy', () => {
      expectError(() => conv1dBackwardInputKernel([cpuTensor(new Int32Array(3), [1, 1, 3]), tensor([1, 1, 3])], { strides: [1], pads: 'valid', dilations: [1], groups: 1, paddingMode: 'zeros', inputSize: [5] }), 'conv1dBackwardInput', /'dy' \[1, 1, 3\] is int32; expected float32/);
    });
  });
});
