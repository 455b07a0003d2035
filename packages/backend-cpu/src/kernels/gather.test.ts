import { CnnkitError } from '@cnnkit/core';
import { describe, expect, it } from 'vitest';
import { cpuTensor } from '../tensor';
import { gatherKernel } from './gather';

describe('gather kernel', () => {
  const data = cpuTensor(Int32Array.from([0, 1, 2, 10, 11, 12]), [2, 3]);

  it('gathers int32 data along axis 1 with negative and 2-D indices', () => {
    // Columns -1 -> 2 and 0 of [[0, 1, 2], [10, 11, 12]], for indices of shape [2, 1].
    const [y] = gatherKernel([data, cpuTensor(Int32Array.from([-1, 0]), [2, 1])], { axis: 1 });
    expect(y!.dtype).toBe('int32');
    expect(y!.shape).toEqual([2, 2, 1]);
    expect(Array.from(y!.dataSync())).toEqual([2, 0, 12, 10]);
  });

  it('takes a scalar index, dropping the axis', () => {
    const [y] = gatherKernel([data, cpuTensor(Int32Array.from([1]), [])], { axis: 0 });
    expect(y!.shape).toEqual([3]);
    expect(Array.from(y!.dataSync())).toEqual([10, 11, 12]);
  });

  it('names the op, the index, its position and the valid range when an index is out of range', () => {
    const indices = cpuTensor(Int32Array.from([0, 1, 2, 3]), [2, 2]);
    let error: unknown;
    try {
      gatherKernel([data, indices], { axis: 1 });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(CnnkitError);
    expect((error as CnnkitError).code).toBe('INVALID_ARGUMENT');
    expect((error as Error).message).toBe('gather: index 3 at position [1, 1] of indices [2, 2] is out of range for axis 1 of data [2, 3]; expected an integer in [-3, 2]');
    expect(() => gatherKernel([data, cpuTensor(Int32Array.from([-3, -4]), [2])], { axis: 1 })).toThrow(/index -4 at position \[1\]/);
  });

  it('rejects float indices', () => {
    expect(() => gatherKernel([data, cpuTensor(new Float32Array([0]), [1])], { axis: 0 })).toThrow(CnnkitError);
  });
});
