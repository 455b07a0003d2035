import { type StaticShape, type TypedArray, CnnkitError, Rng, sizeOf } from '@cnnkit/core';
import { describe, expect, it } from 'vitest';
import { cpuTensor } from '../tensor';
import { transposeKernel } from './transpose';

/** Independent reference: for every output element, decode its multi-index and find its source. */
function referenceTranspose(src: TypedArray, shape: StaticShape, perm: readonly number[]): number[] {
  const outShape = perm.map((p) => shape[p]!);
  const out: number[] = [];
  for (let flat = 0; flat < src.length; flat++) {
    const outIndex: number[] = [];
    let rest = flat;
    for (let d = outShape.length - 1; d >= 0; d--) {
      outIndex.unshift(rest % outShape[d]!);
      rest = Math.floor(rest / outShape[d]!);
    }
    const inIndex = new Array<number>(shape.length);
    perm.forEach((p, i) => {
      inIndex[p] = outIndex[i]!;
    });
    let at = 0;
    for (let d = 0; d < shape.length; d++) at = at * shape[d]! + inIndex[d]!;
    out.push(src[at]!);
  }
  return out;
}

function shuffled(n: number, r: Rng): number[] {
  const a = [...Array(n).keys()];
  for (let i = n - 1; i > 0; i--) {
    const j = r.nextUint32() % (i + 1);
    [a[i], a[j]] = [a[j]!, a[i]!];
  }
  return a;
}

function check(shape: StaticShape, perm: readonly number[], dtype: 'float32' | 'int32' = 'float32'): void {
  const n = sizeOf(shape);
  const src = dtype === 'float32' ? Float32Array.from({ length: n }, (_, i) => i + 0.5) : Int32Array.from({ length: n }, (_, i) => i * 3 - 7);
  const [y] = transposeKernel([cpuTensor(src, shape)], { perm });
  expect(y!.shape).toEqual(perm.map((p) => shape[p]));
  expect(y!.dtype).toBe(dtype);
  expect(Array.from(y!.dataSync())).toEqual(referenceTranspose(src, shape, perm));
}

describe('transpose kernel', () => {
  it('matches an index-mapping reference on random ranks, shapes and perms', () => {
    const r = new Rng(2024);
    for (let trial = 0; trial < 300; trial++) {
      const rank = 1 + (r.nextUint32() % 6);
      // Sizes 1..4 so size-1 axes (which the kernel drops) and mergeable runs both occur often.
      const shape = Array.from({ length: rank }, () => 1 + (r.nextUint32() % 4));
      check(shape, shuffled(rank, r), trial % 3 === 0 ? 'int32' : 'float32');
    }
  });

  it('handles planes large enough to be tiled, with ragged edges', () => {
    check([70, 45], [1, 0]);
    check([2, 33, 3, 40], [0, 3, 2, 1]);
    check([3, 37, 64], [0, 2, 1]); // NCL -> NLC
    check([2, 5, 36, 40], [0, 2, 3, 1]); // NCHW -> NHWC
  });

  it('handles identity perms, size-1 axes, scalars and empty tensors', () => {
    check([2, 3, 4], [0, 1, 2]);
    check([1, 3, 1, 2], [3, 2, 1, 0]);
    check([2, 1, 3], [2, 1, 0]);
    check([], []);
    check([2, 0, 3], [2, 0, 1]);
  });

  it('rejects a perm that is not a permutation of the axes', () => {
    const x = cpuTensor(new Float32Array(6), [2, 3]);
    expect(() => transposeKernel([x], { perm: [0, 0] })).toThrow(CnnkitError);
    expect(() => transposeKernel([x], { perm: [1, 0, 2] })).toThrow(/transpose: .*perm \[1, 0, 2\] is not a permutation of the 2 axes of x \[2, 3\]/);
  });
});
