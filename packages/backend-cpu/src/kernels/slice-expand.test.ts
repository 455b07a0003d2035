import { type Tensor, CnnkitError, getOpDef } from '@cnnkit/core';
import { describe, expect, it } from 'vitest';
import { cpuTensor, values } from '../tensor';
import { expandKernel } from './expand';
import { broadcastSource, product, seeded, unravel } from './kernel-test-data';
import { sliceKernel } from './slice';

const int = (rand: () => number, lo: number, hi: number): number => lo + Math.floor(rand() * (hi - lo + 1));

function iota(shape: number[], dtype: 'float32' | 'int32'): Tensor {
  const n = product(shape);
  return cpuTensor(dtype === 'int32' ? Int32Array.from({ length: n }, (_, i) => i) : Float32Array.from({ length: n }, (_, i) => i + 0.5), shape);
}

describe('slice kernel', () => {
  it('matches per-element indexing over random shapes, bounds (negative, out of range) and axes', () => {
    const rand = seeded(3);
    let empty = 0;
    for (let trial = 0; trial < 300; trial++) {
      const rank = int(rand, 1, 4);
      const shape = Array.from({ length: rank }, () => int(rand, 1, 5));
      const axes = Array.from({ length: rank }, (_, i) => i).filter(() => rand() < 0.6).map((a) => (rand() < 0.3 ? a - rank : a));
      const starts = axes.map(() => int(rand, -7, 7)), ends = axes.map(() => int(rand, -7, 7));
      const dtype = rand() < 0.3 ? 'int32' : 'float32';
      const x = iota(shape, dtype);
      const [y] = sliceKernel([x], getOpDef('slice').normalize({ starts, ends, axes }, 'slice'));
      // The reference clamps each listed axis by ONNX's rules, written out here.
      const begin = shape.map(() => 0), stop = [...shape];
      axes.forEach((a, i) => {
        const axis = a < 0 ? a + rank : a, n = shape[axis]!;
        const clamp = (v: number): number => Math.min(Math.max(v < 0 ? v + n : v, 0), n);
        begin[axis] = clamp(starts[i]!);
        stop[axis] = Math.max(clamp(ends[i]!), begin[axis]!);
      });
      const outShape = shape.map((_, i) => stop[i]! - begin[i]!);
      const where = JSON.stringify({ shape, starts, ends, axes });
      expect(y!.shape, where).toEqual(outShape);
      expect(y!.dtype).toBe(dtype);
      const got = values(y!), src = values(x);
      const want = Array.from({ length: product(outShape) }, (_, flat) => {
        const idx = unravel(flat, outShape).map((v, i) => v + begin[i]!);
        return src[idx.reduce((acc, v, i) => acc * shape[i]! + v, 0)]!;
      });
      expect([...got], where).toEqual(want);
      if (want.length === 0) empty++;
    }
    expect(empty).toBeGreaterThan(10);
  });

  it('works out a 2-D slice by hand', () => {
    // x = [[0 1 2 3]; [4 5 6 7]; [8 9 10 11]], rows 1: (start 1, end 99 clamps to 3), cols -3:-1 -> cols 1, 2.
    const [y] = sliceKernel([iota([3, 4], 'int32')], { starts: [1, -3], ends: [99, -1], axes: [0, 1] });
    expect(y!.shape).toEqual([2, 2]);
    expect([...values(y!)]).toEqual([5, 6, 9, 10]);
  });

  it('copies long contiguous runs as well as short ones', () => {
    // Rows 1..2 of a [4, 100] tensor: each row is one run of 100 (the memcpy path).
    const [y] = sliceKernel([iota([4, 100], 'float32')], { starts: [1], ends: [3], axes: [0] });
    expect([...values(y!)]).toEqual(Array.from({ length: 200 }, (_, i) => i + 100.5));
  });

  it('rejects an axis listed twice, naming the op', () => {
    expect(() => sliceKernel([iota([3, 4], 'float32')], { starts: [0, 1], ends: [2, 3], axes: [1, -1] })).toThrow(CnnkitError);
    expect(() => sliceKernel([iota([3, 4], 'float32')], { starts: [0, 1], ends: [2, 3], axes: [1, -1] })).toThrow(/slice/);
  });
});

describe('expand kernel', () => {
  it('matches per-element broadcasting over random shapes (either side may have more axes)', () => {
    const rand = seeded(4);
    for (let trial = 0; trial < 300; trial++) {
      const rank = int(rand, 0, 4);
      const out = Array.from({ length: rank }, () => int(rand, 1, 4));
      // x: a suffix of out with some axes squeezed to 1; target: out with some axes set to 1.
      const xShape = out.slice(int(rand, 0, rank)).map((d) => (rand() < 0.4 ? 1 : d));
      const target = out.map((d, i) => (i >= rank - xShape.length && rand() < 0.3 ? 1 : d)).slice(int(rand, 0, 1) && rank > 0 ? 1 : 0);
      const dtype = rand() < 0.3 ? 'int32' : 'float32';
      const x = iota(xShape, dtype);
      const [y] = expandKernel([x], { shape: target });
      const rankOut = Math.max(xShape.length, target.length);
      const outShape = Array.from({ length: rankOut }, (_, i) => {
        const a = xShape[xShape.length - rankOut + i] ?? 1, b = target[target.length - rankOut + i] ?? 1;
        return a === 1 ? b : a;
      });
      const where = JSON.stringify({ xShape, target });
      expect(y!.shape, where).toEqual(outShape);
      const src = values(x);
      expect([...values(y!)], where).toEqual(Array.from({ length: product(outShape) }, (_, flat) => src[broadcastSource(unravel(flat, outShape), xShape)]!));
    }
  });

  it('works out a column and a row by hand', () => {
    // [[1], [2]] to [2, 3] repeats each row value; [5 6] (shape [2]) to [3, 1] gives three rows [5 6].
    expect([...values(expandKernel([cpuTensor(Float32Array.of(1, 2), [2, 1])], { shape: [2, 3] })[0]!)]).toEqual([1, 1, 1, 2, 2, 2]);
    const [y] = expandKernel([cpuTensor(Int32Array.of(5, 6), [2])], { shape: [3, 1] });
    expect(y!.shape).toEqual([3, 2]);
    expect([...values(y!)]).toEqual([5, 6, 5, 6, 5, 6]);
  });

  it('rejects shapes that do not broadcast, naming the op', () => {
    expect(() => expandKernel([cpuTensor(new Float32Array(3), [3])], { shape: [2, 4] })).toThrow(/expand/);
  });
});
