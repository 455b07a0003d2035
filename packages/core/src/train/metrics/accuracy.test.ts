import { describe, expect, it } from 'vitest';
import { isCnnkitError } from '../../errors';
import { accuracy, argmaxRows, topKAccuracy } from './accuracy';

const i32 = (xs: number[]): Int32Array => Int32Array.from(xs);
const f32 = (xs: number[]): Float32Array => Float32Array.from(xs);

describe('accuracy', () => {
  it('counts matches: 3 of 4 right is 0.75', () => {
    expect(accuracy(i32([0, 1, 2, 2]), i32([0, 1, 2, 0]))).toBe(0.75);
  });

  it('is 0 for no samples and rejects mismatched lengths', () => {
    expect(accuracy(i32([]), i32([]))).toBe(0);
    expect(() => accuracy(i32([0, 1]), i32([0]))).toThrow(/predicted has 2 entries and target has 1/);
  });
});

describe('argmaxRows', () => {
  it('takes the first maximum and treats NaN as largest, as torch.argmax', () => {
    // rows: [1, 3, 3] -> 1 (tie goes low); [5, NaN, 9] -> 1 (NaN); [-1, -2, -3] -> 0
    expect(Array.from(argmaxRows(f32([1, 3, 3, 5, Number.NaN, 9, -1, -2, -3]), 3))).toEqual([1, 1, 0]);
  });

  it('rejects a length that is not a multiple of the class count', () => {
    expect(() => argmaxRows(f32([1, 2, 3, 4, 5]), 2)).toThrow(/scores has 5 values; expected 2 samples × 2 classes = 4/);
  });
});

describe('topKAccuracy', () => {
  // row0 [.1 .5 .4] t=2: one class above   -> rank 1
  // row1 [.3 .3 .2] t=1: class 0 ties, lower index ranks first -> rank 1
  // row2 [.2 .1 .7] t=2: rank 0
  // row3 [.9 .05 .05] t=2: class 0 above, class 1 ties lower -> rank 2
  const scores = f32([0.1, 0.5, 0.4, 0.3, 0.3, 0.2, 0.2, 0.1, 0.7, 0.9, 0.05, 0.05]);
  const target = i32([2, 1, 2, 2]);

  it('top-1 / top-2 / top-3 are 1/4, 3/4, 4/4', () => {
    expect(topKAccuracy(scores, 3, target, 1)).toBe(0.25);
    expect(topKAccuracy(scores, 3, target, 2)).toBe(0.75);
    expect(topKAccuracy(scores, 3, target, 3)).toBe(1);
  });

  it('k = 1 agrees with argmax then accuracy', () => {
    expect(topKAccuracy(scores, 3, target, 1)).toBe(accuracy(argmaxRows(scores, 3), target));
  });

  it('rejects bad k, bad targets and bad shapes with CnnkitError', () => {
    expect(() => topKAccuracy(scores, 3, target, 0)).toThrow(/k is 0; expected a positive integer/);
    expect(() => topKAccuracy(scores, 3, i32([2, 1, 3, 0]), 1)).toThrow(/target\[2\] is 3; expected a class index in \[0, 3\)/);
    let error: unknown;
    try {
      topKAccuracy(scores, 4, target, 1);
    } catch (e) {
      error = e;
    }
    expect(isCnnkitError(error, 'SHAPE_MISMATCH')).toBe(true);
  });
});
