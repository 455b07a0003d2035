import type { NoAttrs, Tensor } from '@cnnkit/core';
import { CnnkitError } from '@cnnkit/core';
import { describe, expect, it } from 'vitest';
import { cpuTensor, f32 } from '../tensor';
import { absKernel } from './abs';
import { expKernel } from './exp';
import { logKernel } from './log';
import { negKernel } from './neg';
import { signKernel } from './sign';
import { sqrtKernel } from './sqrt';

type UnaryMathKernel = (inputs: Tensor[], attrs: NoAttrs) => Tensor[];

function run(kernel: UnaryMathKernel, data: number[], shape = [data.length]): number[] {
  const [y] = kernel([cpuTensor(Float32Array.from(data), shape)], {});
  expect(y!.shape).toEqual(shape);
  return [...f32(y!)];
}

const specials = [-Infinity, -2, -0, 0, 0.25, 4, Infinity, NaN];

describe('unary math kernels', () => {
  it('neg flips the sign, 0 to -0, NaN stays NaN', () => {
    expect(run(negKernel, specials)).toEqual([Infinity, 2, 0, -0, -0.25, -4, -Infinity, NaN]);
  });

  it('abs drops the sign', () => {
    expect(run(absKernel, specials)).toEqual([Infinity, 2, 0, 0, 0.25, 4, Infinity, NaN]);
  });

  it('sign is -1, 0 or 1; sign(0) = 0 and sign(NaN) = NaN (the contract, as numpy; torch gives 0)', () => {
    expect(run(signKernel, specials).map((v) => (Object.is(v, -0) ? 0 : v))).toEqual([-1, -1, 0, 0, 1, 1, 1, NaN]);
  });

  it('exp: e^0 = 1, e^-inf = 0, overflow to +inf past float32 range, e^1 = 2.718281828', () => {
    expect(run(expKernel, [0, -Infinity, 89, -104, NaN])).toEqual([1, 0, Infinity, 0, NaN]);
    expect(run(expKernel, [1])[0]).toBe(Math.fround(Math.E));
  });

  it('log: log 1 = 0, log 0 = -Infinity, log of a negative = NaN, log e^2 = 2', () => {
    expect(run(logKernel, [1, 0, -0, -1, Infinity, NaN])).toEqual([0, -Infinity, -Infinity, NaN, Infinity, NaN]);
    expect(run(logKernel, [Math.E * Math.E])[0]).toBeCloseTo(2, 6);
  });

  it('sqrt: sqrt 4 = 2, sqrt 0.25 = 0.5, sqrt of a negative = NaN', () => {
    expect(run(sqrtKernel, [4, 0.25, 0, -1, Infinity, NaN])).toEqual([2, 0.5, 0, NaN, Infinity, NaN]);
  });

  it('keep the shape of any rank, including rank 0', () => {
    expect(run(absKernel, [-1, 2, -3, 4, -5, 6], [2, 1, 3])).toEqual([1, 2, 3, 4, 5, 6]);
    expect(run(negKernel, [3], [])).toEqual([-3]);
  });

  it('reject an int32 input, naming the op', () => {
    expect(() => expKernel([cpuTensor(Int32Array.of(1), [1])], {})).toThrow(CnnkitError);
    expect(() => expKernel([cpuTensor(Int32Array.of(1), [1])], {})).toThrow(/exp.*'x' \[1\] is int32; expected float32/);
  });
});
