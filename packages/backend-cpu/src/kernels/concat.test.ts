import { CnnkitError } from '@cnnkit/core';
import { describe, expect, it } from 'vitest';
import { cpuTensor } from '../tensor';
import { concatKernel } from './concat';

describe('concat kernel', () => {
  it('joins int32 tensors along the last axis', () => {
    const a = cpuTensor(Int32Array.from([1, 2, 3, 4]), [2, 2]);
    const b = cpuTensor(Int32Array.from([5, 6, 7, 8, 9, 10]), [2, 3]);
    const [y] = concatKernel([a, b], { axis: -1 });
    expect(y!.dtype).toBe('int32');
    expect(y!.shape).toEqual([2, 5]);
    expect(Array.from(y!.dataSync())).toEqual([1, 2, 5, 6, 7, 3, 4, 8, 9, 10]);
  });

  it('copies long blocks (the memcpy path) and empty inputs correctly', () => {
    const n = 100;
    const a = Float32Array.from({ length: 2 * n }, (_, i) => i);
    const b = Float32Array.from({ length: 2 * n }, (_, i) => -i);
    const [y] = concatKernel([cpuTensor(a, [2, 1, n]), cpuTensor(new Float32Array(0), [2, 0, n]), cpuTensor(b, [2, 1, n])], { axis: 1 });
    expect(y!.shape).toEqual([2, 2, n]);
    const got = y!.dataSync();
    const want = [...a.slice(0, n), ...b.slice(0, n), ...a.slice(n), ...b.slice(n)];
    expect(Array.from(got)).toEqual(want);
  });

  it('rejects mismatched shapes and dtypes', () => {
    const a = cpuTensor(new Float32Array(4), [2, 2]);
    expect(() => concatKernel([a, cpuTensor(new Float32Array(3), [3, 1])], { axis: 1 })).toThrow(/concat: .*input 1 has shape \[3, 1\] but input 0 has \[2, 2\]/);
    expect(() => concatKernel([a, cpuTensor(new Int32Array(4), [2, 2])], { axis: 0 })).toThrow(CnnkitError);
    expect(() => concatKernel([], { axis: 0 })).toThrow(/concat: given 0 inputs/);
  });
});
