import { CnnkitError } from '@cnnkit/core';
import { describe, expect, it } from 'vitest';
import { cpuTensor } from '../tensor';
import { flattenKernel } from './flatten';
import { reshapeKernel } from './reshape';

describe('reshape and flatten kernels', () => {
  it('reshape is a view: a new tensor over the same array, with -1 inferred and 0 copied', () => {
    const data = Int32Array.from({ length: 24 }, (_, i) => i);
    const x = cpuTensor(data, [2, 3, 4]);
    const [y] = reshapeKernel([x], { shape: [0, -1, 2] });
    expect(y).not.toBe(x);
    expect(y!.shape).toEqual([2, 6, 2]);
    expect(y!.dtype).toBe('int32');
    expect(y!.dataSync()).toBe(data);
    // Disposing the input (as the interpreter does after its last reader) leaves the view readable.
    x.dispose();
    expect(y!.dataSync()[23]).toBe(23);
  });

  it('flatten merges startDim..endDim over the same array', () => {
    const data = new Float32Array(2 * 3 * 4 * 5);
    const [y] = flattenKernel([cpuTensor(data, [2, 3, 4, 5])], { startDim: 1, endDim: 2 });
    expect(y!.shape).toEqual([2, 12, 5]);
    expect(y!.dataSync()).toBe(data);
    expect(flattenKernel([cpuTensor(data, [2, 3, 4, 5])], { startDim: 0, endDim: -1 })[0]!.shape).toEqual([120]);
  });

  it('rejects a shape with a different number of values, naming the op', () => {
    const x = cpuTensor(new Float32Array(6), [2, 3]);
    expect(() => reshapeKernel([x], { shape: [4, 2] })).toThrow(CnnkitError);
    expect(() => reshapeKernel([x], { shape: [4, -1] })).toThrow(/reshape: .*cannot reshape x \[2, 3\] \(6 values\)/);
    expect(() => flattenKernel([x], { startDim: 1, endDim: 0 })).toThrow(/flatten: .*startDim 1 comes after endDim 0/);
  });

  it('rejects a missing input', () => {
    expect(() => reshapeKernel([], { shape: [1] })).toThrow(/reshape: given 0 inputs; expected \(x\)/);
  });
});
