import type { Tensor } from '@cnnkit/core';
import { describe, expect, it } from 'vitest';
import { cpuTensor, values } from '../tensor';
import { leakyReluKernel } from './leaky-relu';
import { reluKernel } from './relu';
import { sigmoidKernel } from './sigmoid';
import { tanhKernel } from './tanh';

function vec(data: number[]): Tensor {
  return cpuTensor(Float32Array.from(data), [data.length]);
}

function out(ts: Tensor[]): number[] {
  return Array.from(values(ts[0]!));
}

describe('sigmoid', () => {
  it('saturates without NaN at ±1e4 and ±100 and keeps tiny tails', () => {
    const y = out(sigmoidKernel([vec([-1e4, -100, 100, 1e4])], {}));
    expect(y[0]).toBe(0);
    // sigmoid(-100) = e^-100 / (1 + e^-100) ~ 3.72e-44: a float32 subnormal, rounded to a multiple of 2^-149.
    expect(y[1]).toBe(Math.fround(3.720075976020836e-44));
    expect(y[1]).toBeGreaterThan(0);
    expect(y[2]).toBe(1);
    expect(y[3]).toBe(1);
  });

  it('is 1/2 at 0, symmetric, and NaN at NaN', () => {
    const y = out(sigmoidKernel([vec([0, 2, -2, NaN])], {}));
    expect(y[0]).toBe(0.5);
    // 1 / (1 + e^-2) = 0.8807970779778823
    expect(y[1]).toBeCloseTo(0.8807970779778823, 6);
    expect(y[1]! + y[2]!).toBeCloseTo(1, 6);
    expect(y[3]).toBeNaN();
  });
});

describe('tanh', () => {
  it('saturates at ±1e4 and is odd', () => {
    expect(out(tanhKernel([vec([-1e4, 1e4, 0.5, -0.5])], {}))).toEqual([-1, 1, Math.fround(Math.tanh(0.5)), Math.fround(-Math.tanh(0.5))]);
  });
});

describe('relu / leakyRelu', () => {
  it('relu zeroes negatives, keeps NaN (as torch.relu)', () => {
    const y = out(reluKernel([vec([-2, -0, 0, 3, NaN])], {}));
    expect(y.slice(0, 4)).toEqual([0, -0, 0, 3]);
    expect(y[4]).toBeNaN();
  });

  it('leakyRelu scales negatives by alpha and passes the rest', () => {
    expect(out(leakyReluKernel([vec([-2, 0, 3])], { alpha: 0.2 }))).toEqual([Math.fround(-0.4), 0, 3]);
    expect(out(leakyReluKernel([vec([-1e4])], { alpha: 0.01 }))).toEqual([-100]);
  });

  it('keeps the input shape', () => {
    const x = cpuTensor(new Float32Array(6), [2, 1, 3]);
    expect(reluKernel([x], {})[0]!.shape).toEqual([2, 1, 3]);
  });

  it('rejects int32 input naming the op', () => {
    expect(() => reluKernel([cpuTensor(new Int32Array(2), [2])], {})).toThrow(/relu \(cpu kernel\): input 'x' \[2\] is int32; expected float32/);
  });
});
