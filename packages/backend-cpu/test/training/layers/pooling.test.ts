import { AdaptiveAvgPool2d, AvgPool2d, F, GlobalMaxPool1d, MaxPool1d, MaxPool2d } from '@cnnkit/core';
import { beforeAll, describe, expect, it } from 'vitest';
import { read, t, useCpu } from './helpers';

beforeAll(useCpu);

const range = (n: number): number[] => Array.from({ length: n }, (_, i) => i);

describe('MaxPool2d', () => {
  it('strides by the kernel size by default', () => {
    // 1..16 in 4x4, 2x2 windows: maxima are each window's bottom-right value.
    const y = new MaxPool2d(2).call(t(range(16).map((i) => i + 1), [1, 1, 4, 4]));
    expect(y.shape).toEqual([1, 1, 2, 2]);
    expect(read(y)).toEqual([6, 8, 14, 16]);
  });

  it('ceil mode keeps the partial windows at the end', () => {
    // 0..24 in 5x5, kernel 2: ceil((5 - 2) / 2) + 1 = 3; the last row/column windows hold one row/column.
    const x = t(range(25), [1, 1, 5, 5]);
    expect(new MaxPool2d(2).call(x).shape).toEqual([1, 1, 2, 2]);
    const y = new MaxPool2d(2, { ceilMode: true }).call(x);
    expect(y.shape).toEqual([1, 1, 3, 3]);
    // [0][2] = max(x[0][4], x[1][4]) = 9; [2][0] = max(x[4][0], x[4][1]) = 21; [2][2] = x[4][4] = 24.
    expect(read(y)).toEqual([6, 8, 9, 16, 18, 19, 21, 23, 24]);
  });

  it("follows ResNet's stem pool sizes (3, stride 2, padding 1)", () => {
    // 112 -> (112 + 2 - 3) / 2 + 1 = 56.
    expect(new MaxPool2d(3, { stride: 2, padding: 1 }).call(F.zeros([1, 2, 112, 112])).shape).toEqual([1, 2, 56, 56]);
    expect(new MaxPool2d(3, { stride: 2, padding: 1 }).describe()).toBe('MaxPool2d(kernel_size=(3, 3), stride=(2, 2), padding=(1, 1), dilation=(1, 1), ceil_mode=False)');
  });
});

describe('MaxPool1d', () => {
  it('pools along the length', () => {
    const x = t([3, 1, 4, 1, 5], [1, 1, 5]);
    expect(read(new MaxPool1d(2).call(x))).toEqual([3, 4]);
    expect(read(new MaxPool1d(2, { ceilMode: true }).call(x))).toEqual([3, 4, 5]);
    expect(read(new MaxPool1d(3, { stride: 1 }).call(x))).toEqual([4, 4, 5]);
  });
});

describe('AvgPool2d', () => {
  it('counts padding in the divisor unless told not to', () => {
    // x = [[1, 2], [3, 4]], kernel 2, stride 1, padding 1 -> 3x3 windows.
    const x = t([1, 2, 3, 4], [1, 1, 2, 2]);
    const include = read(new AvgPool2d(2, { stride: 1, padding: 1 }).call(x));
    // corner [0][0]: only x00 = 1 is real: 1 / 4 with padding counted, 1 / 1 without; centre: (1+2+3+4) / 4.
    expect(include).toEqual([0.25, 0.75, 0.5, 1, 2.5, 1.5, 0.75, 1.75, 1]);
    const exclude = read(new AvgPool2d(2, { stride: 1, padding: 1, countIncludePad: false }).call(x));
    expect(exclude).toEqual([1, 1.5, 2, 2, 2.5, 3, 3, 3.5, 4]);
  });

  it('averages plain windows', () => {
    expect(read(new AvgPool2d(2).call(t(range(16), [1, 1, 4, 4])))).toEqual([2.5, 4.5, 10.5, 12.5]);
  });
});

describe('AdaptiveAvgPool2d(1)', () => {
  it('averages each channel to 1x1', () => {
    const y = new AdaptiveAvgPool2d(1).call(t([1, 2, 3, 4, 10, 20, 30, 40], [1, 2, 2, 2]));
    expect(y.shape).toEqual([1, 2, 1, 1]);
    expect(read(y)).toEqual([2.5, 25]);
    expect(new AdaptiveAvgPool2d([1, 1]).call(F.zeros([3, 4, 7, 5])).shape).toEqual([3, 4, 1, 1]);
  });

  it('refuses output sizes that are not positive integers when built (other sizes: test/zoo/adaptive-avg-pool.test.ts)', () => {
    expect(() => new AdaptiveAvgPool2d(0)).toThrow(/AdaptiveAvgPool2d: outputSize 0 is not supported; expected a positive integer or two of them/);
    expect(() => new AdaptiveAvgPool2d([2, 1, 1] as unknown as [number, number])).toThrow(/outputSize \[2,1,1\] is not supported/);
  });
});

describe('GlobalMaxPool1d', () => {
  it('takes the max over time, dropping the length axis unless keepDims', () => {
    const x = t([1, 5, 2, -1, -3, -2, 0, 9, 4, 4, 4, 4], [2, 2, 3]);
    const y = new GlobalMaxPool1d().call(x);
    expect(y.shape).toEqual([2, 2]);
    expect(read(y)).toEqual([5, -1, 9, 4]);
    expect(new GlobalMaxPool1d({ keepDims: true }).call(x).shape).toEqual([2, 2, 1]);
    expect(() => new GlobalMaxPool1d().call(F.zeros([2, 3]))).toThrow(/GlobalMaxPool1d\(\): input has shape \[2, 3\] \(rank 2\); expected rank 3 \(N, C, L\)/);
  });
});
