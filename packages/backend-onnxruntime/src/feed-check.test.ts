import { type Tensor, type ValueInfo, CnnkitError } from '@cnnkit/core';
import { describe, expect, it } from 'vitest';
import { planFeedCheck } from './feed-check';

const t = (shape: number[], dtype: 'float32' | 'int32' = 'float32'): Tensor => ({ shape, dtype }) as unknown as Tensor;
const inputs: ValueInfo[] = [
  { name: 'x', dtype: 'float32', shape: ['N', 3, 4] },
  { name: 'ids', dtype: 'int32', shape: ['N', 'L'] },
];

function error(f: () => void): CnnkitError {
  try {
    f();
  } catch (e) {
    return e as CnnkitError;
  }
  throw new Error('did not throw');
}

describe('planFeedCheck', () => {
  const check = planFeedCheck('g', inputs);

  it('accepts feeds that fit, symbolic sizes bound across inputs, run after run with other sizes', () => {
    expect(() => check({ x: t([2, 3, 4]), ids: t([2, 7], 'int32') })).not.toThrow();
    expect(() => check({ x: t([5, 3, 4]), ids: t([5, 1], 'int32') })).not.toThrow();
  });

  it("throws core checkFeeds' errors for every kind of mismatch, and still accepts good feeds afterwards", () => {
    expect(error(() => check({ x: t([2, 3, 4]) })).code).toBe('INVALID_ARGUMENT');
    expect(error(() => check({ x: t([2, 3, 4]), ids: t([2, 7], 'int32'), extra: t([1]) })).message).toContain("has no input 'extra'");
    expect(error(() => check({ x: t([2, 3, 4]), idz: t([2, 7], 'int32') })).message).toContain("input 'ids' was not fed");
    expect(error(() => check({ x: t([2, 3, 4], 'int32'), ids: t([2, 7], 'int32') })).code).toBe('DTYPE_MISMATCH');
    expect(error(() => check({ x: t([2, 3, 5]), ids: t([2, 7], 'int32') })).code).toBe('SHAPE_MISMATCH');
    expect(error(() => check({ x: t([2, 3, 4]), ids: t([3, 7], 'int32') })).code).toBe('SHAPE_MISMATCH');
    expect(error(() => check({ x: t([2, 3, 4, 1]), ids: t([2, 7], 'int32') })).code).toBe('SHAPE_MISMATCH');
    expect(() => check({ x: t([3, 3, 4]), ids: t([3, 2], 'int32') })).not.toThrow();
  });
});
