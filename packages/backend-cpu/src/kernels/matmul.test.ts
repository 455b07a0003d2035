import type { StaticShape } from '@cnnkit/core';
import { describe, expect, it } from 'vitest';
import { cpuTensor, values } from '../tensor';
import { broadcastSource, product, randomF32, seeded, unravel } from './kernel-test-data';
import { matmulKernel } from './matmul';

/** Naive batched matmul: for each output element, map its batch index back to a and b by broadcasting. */
function naiveMatmul(a: Float32Array, aShape: StaticShape, b: Float32Array, bShape: StaticShape): { shape: number[]; data: number[] } {
  const [m, k, n] = [aShape.at(-2)!, aShape.at(-1)!, bShape.at(-1)!];
  const aBatch = aShape.slice(0, -2);
  const bBatch = bShape.slice(0, -2);
  const r = Math.max(aBatch.length, bBatch.length);
  const batch = Array.from({ length: r }, (_, i) => Math.max(aBatch[aBatch.length - r + i] ?? 1, bBatch[bBatch.length - r + i] ?? 1));
  const data: number[] = [];
  for (let t = 0; t < product(batch); t++) {
    const idx = unravel(t, batch);
    const ab = broadcastSource(idx, aBatch) * m * k;
    const bb = broadcastSource(idx, bBatch) * k * n;
    for (let i = 0; i < m; i++) {
      for (let j = 0; j < n; j++) {
        let s = 0;
        for (let p = 0; p < k; p++) s += a[ab + i * k + p]! * b[bb + p * n + j]!;
        data.push(s);
      }
    }
  }
  return { shape: [...batch, m, n], data };
}

function check(aShape: number[], bShape: number[], seed: number): void {
  const rand = seeded(seed);
  const a = randomF32(rand, product(aShape));
  const b = randomF32(rand, product(bShape));
  const y = matmulKernel([cpuTensor(a, aShape), cpuTensor(b, bShape)], {})[0]!;
  const want = naiveMatmul(a, aShape, b, bShape);
  expect(y.shape).toEqual(want.shape);
  Array.from(values(y)).forEach((v, i) => expect(v, `a [${aShape}] b [${bShape}] at ${i}`).toBeCloseTo(want.data[i]!, 5));
}

describe('matmul', () => {
  it('multiplies plain matrices: [[1,2],[3,4]] @ [[5,6],[7,8]] = [[19,22],[43,50]]', () => {
    const y = matmulKernel([cpuTensor(Float32Array.from([1, 2, 3, 4]), [2, 2]), cpuTensor(Float32Array.from([5, 6, 7, 8]), [2, 2])], {})[0]!;
    expect(Array.from(values(y))).toEqual([19, 22, 43, 50]);
  });

  it('broadcasts batch axes like NumPy against a naive reference', () => {
    check([2, 3, 4], [4, 5], 1); // b shared: the folded single-GEMM path
    check([4, 5], [3, 5, 2], 2); // a shared
    check([2, 1, 3, 4], [5, 4, 2], 3); // both broadcast
    check([1, 3, 2, 3], [2, 1, 3, 3], 4);
    check([3, 2, 4], [3, 4, 1], 5); // equal batches
    check([1, 1, 2, 3], [3, 2], 6); // b 2-D, a with size-1 batch axes
  });

  it('matches the reference on random shapes', () => {
    const rand = seeded(99);
    for (let trial = 0; trial < 40; trial++) {
      const batch = Array.from({ length: Math.floor(rand() * 3) }, () => 1 + Math.floor(rand() * 3));
      const pick = (): number[] => batch.slice(Math.floor(rand() * (batch.length + 1))).map((d) => (rand() < 0.4 ? 1 : d));
      const [m, k, n] = [1 + Math.floor(rand() * 4), 1 + Math.floor(rand() * 4), 1 + Math.floor(rand() * 4)];
      check([...pick(), m, k], [...pick(), k, n], 1000 + trial);
    }
  });

  it('gives zeros for k = 0 and an empty output for m = 0', () => {
    const y = matmulKernel([cpuTensor(new Float32Array(0), [2, 0]), cpuTensor(new Float32Array(0), [0, 3])], {})[0]!;
    expect(Array.from(values(y))).toEqual([0, 0, 0, 0, 0, 0]);
    expect(matmulKernel([cpuTensor(new Float32Array(0), [0, 2]), cpuTensor(new Float32Array(6), [2, 3])], {})[0]!.shape).toEqual([0, 3]);
  });

  it('rejects mismatched inner sizes and rank-1 inputs naming the op', () => {
    const a = cpuTensor(new Float32Array(6), [2, 3]);
    expect(() => matmulKernel([a, cpuTensor(new Float32Array(4), [2, 2])], {})).toThrow(/matmul \(cpu kernel\): a \[2, 3\] has 3 columns but b \[2, 2\] has 2 rows/);
    expect(() => matmulKernel([a, cpuTensor(new Float32Array(3), [3])], {})).toThrow(/matmul \(cpu kernel\).*expected rank >= 2/);
  });
});
