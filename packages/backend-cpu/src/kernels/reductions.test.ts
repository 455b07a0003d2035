import { type StaticShape, CnnkitError, Rng, sizeOf, stridesOf } from '@cnnkit/core';
import { describe, expect, it } from 'vitest';
import { cpuTensor } from '../tensor';
import { argMaxKernel } from './arg-max';
import { reduceMaxKernel } from './reduce-max';
import { reduceMeanKernel } from './reduce-mean';
import { reductionView } from './reduce-axes';
import { reduceSumKernel, sumBlocks, sumOver } from './reduce-sum';

type Reduce = 'sum' | 'mean' | 'max';

/** Naive reference: every input element visits its output cell through explicit multi-indices. */
function reference(x: Float32Array, shape: StaticShape, axes: readonly number[], kind: Reduce): number[] {
  const all = axes.length === 0;
  const reducedAxis = shape.map((_, i) => all || axes.includes(i));
  const outShape = shape.map((d, i) => (reducedAxis[i] ? 1 : d));
  const outStrides = stridesOf(outShape);
  const inStrides = stridesOf(shape);
  const n = sizeOf(outShape);
  const acc = new Array<number>(n).fill(kind === 'max' ? -Infinity : 0);
  const count = new Array<number>(n).fill(0);
  for (let flat = 0; flat < x.length; flat++) {
    let o = 0;
    for (let d = 0; d < shape.length; d++) {
      const idx = Math.floor(flat / inStrides[d]!) % shape[d]!;
      if (!reducedAxis[d]) o += idx * outStrides[d]!;
    }
    const v = x[flat]!;
    if (kind === 'max') acc[o] = Number.isNaN(acc[o]!) || Number.isNaN(v) ? NaN : Math.max(acc[o]!, v);
    else acc[o]! += v;
    count[o]! += 1;
  }
  return acc.map((v, i) => (kind === 'mean' ? v / count[i]! : v));
}

const KERNELS = { sum: reduceSumKernel, mean: reduceMeanKernel, max: reduceMaxKernel };

function randomCase(r: Rng): { shape: number[]; axes: number[]; x: Float32Array } {
  const rank = 1 + (r.nextUint32() % 5);
  const shape = Array.from({ length: rank }, () => 1 + (r.nextUint32() % 4));
  // Any subset of axes, written with random signs (negative axes count from the end).
  const axes = shape.map((_, i) => i).filter(() => r.nextFloat() < 0.5).map((a) => (r.nextFloat() < 0.5 ? a - rank : a));
  const x = Float32Array.from({ length: sizeOf(shape) }, () => Math.fround(r.nextNormal()));
  return { shape, axes, x };
}

describe('reduceSum / reduceMean / reduceMax kernels', () => {
  it('match a naive reference on random shapes and axis sets, with and without keepDims', () => {
    const r = new Rng(77);
    for (let trial = 0; trial < 300; trial++) {
      const { shape, axes, x } = randomCase(r);
      const positive = axes.map((a) => (a < 0 ? a + shape.length : a));
      for (const kind of ['sum', 'mean', 'max'] as const) {
        const keepDims = trial % 2 === 0;
        const [y] = KERNELS[kind]([cpuTensor(x, shape)], { axes, keepDims });
        const kept = shape.map((d, i) => (axes.length === 0 || positive.includes(i) ? (keepDims ? 1 : -1) : d)).filter((d) => d >= 0);
        expect(y!.shape).toEqual(kept);
        const want = reference(x, shape, positive, kind);
        const got = Array.from(y!.dataSync());
        got.forEach((v, i) => expect(v).toBeCloseTo(want[i]!, 5));
      }
    }
  });

  it('sums reduced axes on both sides of the kept ones in place, bit for bit what the permuted view gives', () => {
    // [N, C, H, W] over N, H, W (a convolution bias's gradient), odd and even C, and a mean.
    const r = new Rng(5);
    for (const shape of [[5, 6, 7, 3], [3, 7, 4, 4], [2, 1, 3, 5, 2], [4, 3, 2, 5, 6]]) {
      const x = Float32Array.from({ length: sizeOf(shape) }, () => Math.fround(r.nextNormal()));
      const axes = shape.length === 4 ? [0, 2, 3] : [0, 1, 3, 4];
      for (const mean of [false, true]) {
        const view = reductionView(x, shape, axes, 'test');
        expect(view.inner).toBe(1); // the permuted path
        const want = sumBlocks(view, mean ? 1 / view.reduced : 1);
        expect(Array.from(sumOver(x, shape, axes, 'test', mean)), JSON.stringify({ shape, mean })).toEqual(Array.from(want));
      }
    }
  });

  it('sums long rows accurately (float64 accumulation)', () => {
    // 1e6 copies of 0.1f: a float32 running sum drifts by ~1%; the exact sum is 1e6 * fround(0.1).
    const x = new Float32Array(1_000_000).fill(0.1);
    const [y] = reduceSumKernel([cpuTensor(x, [1_000_000])], { axes: [], keepDims: false });
    expect(y!.shape).toEqual([]);
    expect(y!.dataSync()[0]).toBe(Math.fround(1e6 * Math.fround(0.1)));
  });

  it('propagates NaN through reduceMax wherever it sits in the row', () => {
    const x = Float32Array.from([NaN, 1, 2, 3, NaN, 5, 6, 7, NaN, -Infinity, -Infinity, -Infinity]);
    const [rows] = reduceMaxKernel([cpuTensor(x, [4, 3])], { axes: [1], keepDims: false });
    expect(Array.from(rows!.dataSync())).toEqual([NaN, NaN, NaN, -Infinity]);
    const [cols] = reduceMaxKernel([cpuTensor(x, [4, 3])], { axes: [0], keepDims: true });
    expect(Array.from(cols!.dataSync())).toEqual([NaN, NaN, NaN]);
  });

  it('gives torch\'s answers on empty reductions: sum 0, mean NaN', () => {
    const x = cpuTensor(new Float32Array(0), [2, 0]);
    expect(Array.from(reduceSumKernel([x], { axes: [1], keepDims: false })[0]!.dataSync())).toEqual([0, 0]);
    expect(Array.from(reduceMeanKernel([x], { axes: [1], keepDims: false })[0]!.dataSync())).toEqual([NaN, NaN]);
  });

  it('rejects repeated and out-of-range axes and int32 input', () => {
    const x = cpuTensor(new Float32Array(6), [2, 3]);
    expect(() => reduceSumKernel([x], { axes: [1, -1], keepDims: false })).toThrow(/reduceSum: axes \[1,-1\] name an axis twice/);
    expect(() => reduceMeanKernel([x], { axes: [2], keepDims: false })).toThrow(/reduceMean: axis 2 is out of range for rank 2/);
    expect(() => reduceMaxKernel([cpuTensor(new Int32Array(6), [2, 3])], { axes: [], keepDims: false })).toThrow(CnnkitError);
  });
});

describe('argMax kernel', () => {
  /** First index of the max along the axis, NaN counting as the max (torch.argmax). */
  function referenceArgMax(x: Float32Array, shape: StaticShape, axis: number): number[] {
    const strides = stridesOf(shape);
    const outer = sizeOf(shape.slice(0, axis));
    const inner = sizeOf(shape.slice(axis + 1));
    const out: number[] = [];
    for (let o = 0; o < outer; o++) {
      for (let i = 0; i < inner; i++) {
        let best = 0;
        for (let r = 0; r < shape[axis]!; r++) {
          const v = x[o * shape[axis]! * inner + r * strides[axis]! + i]!;
          const b = x[o * shape[axis]! * inner + best * strides[axis]! + i]!;
          if (Number.isNaN(b)) break;
          if (Number.isNaN(v) || v > b) best = r;
        }
        out.push(best);
      }
    }
    return out;
  }

  it('matches a reference on random shapes with many ties and NaNs, for every axis', () => {
    const r = new Rng(5);
    for (let trial = 0; trial < 200; trial++) {
      const rank = 1 + (r.nextUint32() % 4);
      const shape = Array.from({ length: rank }, () => 1 + (r.nextUint32() % 5));
      // Few distinct values so ties are common; NaN in about one value in twelve.
      const x = Float32Array.from({ length: sizeOf(shape) }, () => (r.nextFloat() < 1 / 12 ? NaN : r.nextUint32() % 3));
      const axis = r.nextUint32() % rank;
      const keepDims = trial % 2 === 1;
      const [y] = argMaxKernel([cpuTensor(x, shape)], { axis: axis - (trial % 3 === 0 ? rank : 0), keepDims });
      expect(y!.dtype).toBe('int32');
      expect(y!.shape).toEqual(keepDims ? shape.map((d, i) => (i === axis ? 1 : d)) : shape.filter((_, i) => i !== axis));
      expect(Array.from(y!.dataSync())).toEqual(referenceArgMax(x, shape, axis));
    }
  });

  it('takes the first NaN, and the first of equal maxima', () => {
    const x = Float32Array.from([1, NaN, 3, NaN, 2, 5, 5, 1, -Infinity, -Infinity, -Infinity, -Infinity]);
    const [y] = argMaxKernel([cpuTensor(x, [3, 4])], { axis: 1, keepDims: false });
    expect(Array.from(y!.dataSync())).toEqual([1, 1, 0]);
  });

  it('throws when the axis is empty, naming the op and shape', () => {
    expect(() => argMaxKernel([cpuTensor(new Float32Array(0), [2, 0])], { axis: 1, keepDims: false })).toThrow(/argMax: axis 1 of x \[2, 0\] is empty/);
  });
});
