import { describe, expect, it } from 'vitest';
import { cpuTensor, f32 } from '../tensor';
import { globalAvgPoolKernel } from './global-avg-pool';
import { globalMaxPoolKernel } from './global-max-pool';

describe('globalAvgPool / globalMaxPool kernels', () => {
  it('pool every spatial axis of rank 3, 4 and 5 inputs and keep them as size 1', () => {
    for (const spatial of [[4], [2, 2], [1, 2, 2]]) {
      const shape = [1, 2, ...spatial];
      // Channel 0 holds 1..4, channel 1 holds -1..-4: means 2.5 and -2.5, maxes 4 and -1.
      const x = Float32Array.from([1, 2, 3, 4, -1, -2, -3, -4]);
      const [avg] = globalAvgPoolKernel([cpuTensor(x, shape)], {});
      const [max] = globalMaxPoolKernel([cpuTensor(x, shape)], {});
      expect(avg!.shape).toEqual([1, 2, ...spatial.map(() => 1)]);
      expect(max!.shape).toEqual([1, 2, ...spatial.map(() => 1)]);
      expect(Array.from(f32(avg!))).toEqual([2.5, -2.5]);
      expect(Array.from(f32(max!))).toEqual([4, -1]);
    }
  });

  it('propagates NaN in globalMaxPool wherever it sits in the plane', () => {
    const [y] = globalMaxPoolKernel([cpuTensor(Float32Array.from([NaN, 1, 5, 2, 3, NaN]), [2, 1, 3])], {});
    expect(Array.from(f32(y!))).toEqual([NaN, NaN]);
  });

  it('rejects inputs that are not rank 3 to 5, naming the op', () => {
    expect(() => globalAvgPoolKernel([cpuTensor(new Float32Array(4), [2, 2])], {})).toThrow(/globalAvgPool: input x has shape \[2, 2\].*expected rank 3, 4 or 5/);
    expect(() => globalMaxPoolKernel([cpuTensor(new Float32Array(64), [1, 1, 2, 2, 2, 2, 2, 2])], {})).toThrow(/globalMaxPool: .*expected rank 3, 4 or 5/);
  });
});
