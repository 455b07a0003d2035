import { describe, expect, it } from 'vitest';
import { median, percentile, ratio, summarize } from './stats';

// Expected values worked by hand with numpy.percentile's default (linear) rule: rank = p/100 · (n − 1).
describe('bench statistics', () => {
  it('takes the middle value, or the mean of the two middle ones, as the median', () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([7])).toBe(7);
  });

  it('interpolates percentiles between closest ranks', () => {
    // sorted 10, 20, 30, 40, 50: p10 rank 0.4 -> 10 + 0.4·10 = 14; p90 rank 3.6 -> 40 + 0.6·10 = 46.
    expect(percentile([50, 10, 40, 20, 30], 10)).toBeCloseTo(14, 12);
    expect(percentile([50, 10, 40, 20, 30], 90)).toBeCloseTo(46, 12);
    expect(percentile([50, 10, 40, 20, 30], 0)).toBe(10);
    expect(percentile([50, 10, 40, 20, 30], 100)).toBe(50);
    // two values 1 and 3: p25 rank 0.25 -> 1.5.
    expect(percentile([3, 1], 25)).toBe(1.5);
  });

  it('summarizes runs without reordering the caller\'s array', () => {
    const samples = [9, 1, 5, 3, 7];
    expect(summarize(samples)).toEqual({ runs: 5, medianMs: 5, p10Ms: 1.8, p90Ms: 8.2 });
    expect(samples).toEqual([9, 1, 5, 3, 7]);
  });

  it('refuses a percentile of nothing or out of range', () => {
    expect(() => percentile([], 50)).toThrow(/no values/);
    expect(() => percentile([1], 101)).toThrow(/expected 0\.\.100/);
  });

  it('leaves a ratio blank when a side is missing or zero', () => {
    expect(ratio(30, 20)).toBe(1.5);
    expect(ratio(undefined, 20)).toBeUndefined();
    expect(ratio(30, undefined)).toBeUndefined();
    expect(ratio(30, 0)).toBeUndefined();
  });
});
