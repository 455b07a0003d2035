import { describe, expect, it } from 'vitest';
import { calculateGain, defaultUniformBound, fans } from './init';

describe('init helpers', () => {
  it("computes torch's fan in / fan out", () => {
    // Conv2d(16, 8, 3): weight [8, 16, 3, 3]: fan_in 16 * 9, fan_out 8 * 9.
    expect(fans([8, 16, 3, 3])).toEqual({ fanIn: 144, fanOut: 72 });
    expect(fans([120, 400])).toEqual({ fanIn: 400, fanOut: 120 });
    expect(() => fans([5])).toThrow(/rank >= 2; given shape \[5\]/);
  });

  it("computes torch's gains", () => {
    expect(calculateGain('relu')).toBeCloseTo(Math.SQRT2, 15);
    expect(calculateGain('tanh')).toBeCloseTo(5 / 3, 15);
    expect(calculateGain('linear')).toBe(1);
    // kaiming_uniform_(a = sqrt 5): gain sqrt(2 / (1 + 5)); bound gain * sqrt(3 / fan_in) = 1 / sqrt(fan_in).
    const gain = calculateGain('leakyRelu', Math.sqrt(5));
    expect(gain).toBeCloseTo(Math.sqrt(1 / 3), 15);
    expect(gain * Math.sqrt(3 / 144)).toBeCloseTo(defaultUniformBound(144), 15);
    expect(defaultUniformBound(144)).toBeCloseTo(1 / 12, 15);
  });
});
