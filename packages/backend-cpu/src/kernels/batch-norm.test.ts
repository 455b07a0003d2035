import { CnnkitError } from '@cnnkit/core';
import { describe, expect, it } from 'vitest';
import { cpuTensor, f32 } from '../tensor';
import { batchNormKernel } from './batch-norm';
import { seededRandom } from './pooling-reference.test-helpers';

const vec = (values: number[]) => cpuTensor(Float32Array.from(values), [values.length]);

describe('batchNorm kernel', () => {
  it('normalises each channel of rank 2 to 5 inputs with its own statistics', () => {
    const rand = seededRandom(99);
    for (const shape of [[3, 2], [2, 2, 3], [1, 2, 2, 3], [2, 2, 1, 2, 2]]) {
      const x = Float32Array.from({ length: shape.reduce((a, b) => a * b, 1) }, () => Math.fround(rand() * 6 - 3));
      const [scale, bias, mean, variance] = [[1.5, -0.5], [0.25, 2], [0.5, -1], [4, 0.25]];
      const eps = 1e-3;
      const [y] = batchNormKernel([cpuTensor(x, shape), vec(scale), vec(bias), vec(mean), vec(variance)], { epsilon: eps });
      const inner = shape.slice(2).reduce((a, b) => a * b, 1);
      const got = f32(y!);
      expect(y!.shape).toEqual(shape);
      x.forEach((v, i) => {
        const c = Math.floor(i / inner) % 2;
        const want = ((v - mean[c]!) / Math.sqrt(variance[c]! + eps)) * scale[c]! + bias[c]!;
        expect(Math.abs(got[i]! - want)).toBeLessThan(1e-6 * (1 + Math.abs(want)));
      });
    }
  });

  it('works a tiny case by hand', () => {
    // Channel 0: (x - 1) / sqrt(3 + 1) * 2 + 0 = x - 1; channel 1: (x - 0) / sqrt(0 + 1) * 1 + 10.
    const [y] = batchNormKernel([cpuTensor(Float32Array.from([3, 4, 5, 6]), [1, 2, 2]), vec([2, 1]), vec([0, 10]), vec([1, 0]), vec([3, 0])], { epsilon: 1 });
    expect(Array.from(f32(y!))).toEqual([2, 3, 15, 16]);
  });

  it('rejects statistics that do not match the channels, naming the op and input', () => {
    const x = cpuTensor(new Float32Array(6), [1, 3, 2]);
    expect(() => batchNormKernel([x, vec([1, 1, 1]), vec([0, 0, 0]), vec([0, 0]), vec([1, 1, 1])], { epsilon: 1e-5 })).toThrow(CnnkitError);
    expect(() => batchNormKernel([x, vec([1, 1, 1]), vec([0, 0, 0]), vec([0, 0]), vec([1, 1, 1])], { epsilon: 1e-5 })).toThrow(/batchNorm: input 'mean' has shape \[2\]; expected \[3\]/);
    expect(() => batchNormKernel([cpuTensor(new Float32Array(3), [3]), vec([1]), vec([0]), vec([0]), vec([1])], { epsilon: 1e-5 })).toThrow(/batchNorm: input x has shape \[3\].*expected rank 2 to 5/);
  });
});
