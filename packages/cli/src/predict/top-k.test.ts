import { describe, expect, it } from 'vitest';
import { softmaxRow, topK } from './top-k';

describe('softmaxRow', () => {
  it('normalises one row of a matrix', () => {
    // Row 1 is [0, ln 3]: exp gives [1, 3], so the probabilities are [1/4, 3/4].
    const logits = new Float32Array([5, 5, 0, Math.log(3)]);
    const p = softmaxRow(logits, 1, 2);
    expect(p[0]).toBeCloseTo(0.25, 6);
    expect(p[1]).toBeCloseTo(0.75, 6);
  });

  it('does not overflow on large logits', () => {
    // [1000, 1000 + ln 4] is [0, ln 4] shifted: probabilities 1/5 and 4/5.
    const p = softmaxRow(new Float32Array([1000, 1000 + Math.log(4)]), 0, 2);
    expect(p[0]).toBeCloseTo(0.2, 4);
    expect(p[1]).toBeCloseTo(0.8, 4);
  });
});

describe('topK', () => {
  it('ranks the most probable first and breaks ties by the lower index', () => {
    expect(topK([0.1, 0.3, 0.2, 0.3, 0.1], 3)).toEqual([
      { index: 1, probability: 0.3 },
      { index: 3, probability: 0.3 },
      { index: 2, probability: 0.2 },
    ]);
  });

  it('gives every class when there are fewer than k', () => {
    expect(topK([0.4, 0.6], 5).map((c) => c.index)).toEqual([1, 0]);
  });

  it('ranks NaN last', () => {
    expect(topK([Number.NaN, 0.5, 0.25], 3).map((c) => c.index)).toEqual([1, 2, 0]);
  });
});
