import { CnnkitError } from '@cnnkit/core';
import { describe, expect, it } from 'vitest';
import { cpuTensor, f32 } from '../tensor';
import { gatherKernel } from './gather';
import { gatherBackwardKernel } from './gather-backward';
import { product, randomF32, seeded } from './kernel-test-data';

const int = (rand: () => number, lo: number, hi: number): number => lo + Math.floor(rand() * (hi - lo + 1));

describe('gatherBackward kernel', () => {
  it('is the adjoint of gather: <gather(data, idx), dy> = <data, gatherBackward(dy, idx)> over random axes and indices', () => {
    const rand = seeded(8);
    for (let trial = 0; trial < 200; trial++) {
      const rank = int(rand, 1, 3);
      const dataShape = Array.from({ length: rank }, () => int(rand, 1, 4));
      const axis = int(rand, -rank, rank - 1);
      const axisSize = dataShape[axis < 0 ? axis + rank : axis]!;
      const indexShape = Array.from({ length: int(rand, 0, 2) }, () => int(rand, 1, 3));
      const indices = cpuTensor(Int32Array.from({ length: product(indexShape) }, () => int(rand, -axisSize, axisSize - 1)), indexShape);
      const data = cpuTensor(randomF32(rand, product(dataShape)), dataShape);
      const [y] = gatherKernel([data, indices], { axis });
      const dy = cpuTensor(randomF32(rand, y!.size), y!.shape);
      const [dx] = gatherBackwardKernel([dy, indices], { axis, dataShape });
      expect(dx!.shape).toEqual(dataShape);
      let left = 0, right = 0;
      f32(y!).forEach((v, i) => { left += v * f32(dy)[i]!; });
      f32(data).forEach((v, i) => { right += v * f32(dx!)[i]!; });
      expect(Math.abs(left - right), JSON.stringify({ dataShape, axis, indexShape })).toBeLessThan(1e-5);
    }
  });

  it('accumulates repeated and negative indices into the same row (embedding, by hand)', () => {
    // Table [3, 2]; tokens [0, 2, -1, 0] pick rows 0, 2, 2, 0. dy rows [1 2] [3 4] [5 6] [7 8]:
    // row 0 = [1+7, 2+8] = [8 10], row 1 untouched = [0 0], row 2 = [3+5, 4+6] = [8 10].
    const [dx] = gatherBackwardKernel([cpuTensor(Float32Array.of(1, 2, 3, 4, 5, 6, 7, 8), [4, 2]), cpuTensor(Int32Array.of(0, 2, -1, 0), [4])], { axis: 0, dataShape: [3, 2] });
    expect([...f32(dx!)]).toEqual([8, 10, 0, 0, 8, 10]);
  });

  it('rejects an out-of-range index, naming the op, the index and the range', () => {
    let error: unknown;
    try {
      gatherBackwardKernel([cpuTensor(new Float32Array(4), [2, 2]), cpuTensor(Int32Array.of(1, 3), [2])], { axis: 0, dataShape: [3, 2] });
    } catch (e) { error = e; }
    expect(error).toBeInstanceOf(CnnkitError);
    expect((error as Error).message).toMatch(/gatherBackward: index 3 .* expected an integer in \[-3, 2\]/);
  });

  it('rejects a dy whose shape is not what gather would produce', () => {
    expect(() => gatherBackwardKernel([cpuTensor(new Float32Array(6), [3, 2]), cpuTensor(Int32Array.of(1, 0), [2])], { axis: 0, dataShape: [3, 2] })).toThrow(/gatherBackward.*dy has shape \[3, 2\]; expected \[2, 2\]/);
  });
});
