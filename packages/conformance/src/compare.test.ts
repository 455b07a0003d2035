import { describe, expect, it } from 'vitest';
import { t } from './case';
import { compareTensors } from './compare';

const tight = { rtol: 0, atol: 0 };

describe('compareTensors', () => {
  it('accepts equal tensors', () => {
    expect(compareTensors('y', t([1, 2, 3], [3]), t([1, 2, 3], [3]), tight)).toBeUndefined();
  });

  it('lets NaN match NaN but nothing else', () => {
    expect(compareTensors('y', t([NaN, 1], [2]), t([NaN, 1], [2]), tight)).toBeUndefined();
    expect(compareTensors('y', t([0, 1], [2]), t([NaN, 1], [2]), { rtol: 1, atol: 1 })).toMatch(/1 of 2 values differ.*index 0: got 0, expected NaN/);
    expect(compareTensors('y', t([NaN, 1], [2]), t([0, 1], [2]), { rtol: 1, atol: 1 })).toMatch(/index 0: got NaN, expected 0/);
  });

  it('requires infinities to match exactly, sign included, whatever the tolerance', () => {
    expect(compareTensors('y', t([Infinity, -Infinity], [2]), t([Infinity, -Infinity], [2]), tight)).toBeUndefined();
    expect(compareTensors('y', t([-Infinity], [1]), t([Infinity], [1]), { rtol: 1e9, atol: 1e9 })).toMatch(/got -Infinity, expected Infinity/);
    expect(compareTensors('y', t([3e38], [1]), t([Infinity], [1]), { rtol: 1e9, atol: 1e9 })).toMatch(/expected Infinity/);
    expect(compareTensors('y', t([Infinity], [1]), t([3e38], [1]), { rtol: 1e9, atol: 1e9 })).toMatch(/got Infinity/);
  });

  it('accepts a difference of exactly atol + rtol * |expected| and rejects anything beyond', () => {
    // expected 1, rtol 0.5, atol 0.25: the bound is 0.25 + 0.5 * 1 = 0.75, exact in float32.
    const tol = { rtol: 0.5, atol: 0.25 };
    expect(compareTensors('y', t([1.75, 0.25], [2]), t([1, 1], [2]), tol)).toBeUndefined();
    // 1.7500001 rounds to the next float32 above 1.75 (1.75 + 2^-23): 1.2e-7 beyond the bound.
    expect(compareTensors('y', t([1.7500001], [1]), t([1], [1]), tol)).toMatch(/1 of 1 values differ beyond rtol 0.5, atol 0.25/);
    // The relative part scales with |expected|, not |actual|: expected -4 allows 0.25 + 2 = 2.25.
    expect(compareTensors('y', t([-1.75], [1]), t([-4], [1]), tol)).toBeUndefined();
    expect(compareTensors('y', t([-1.5], [1]), t([-4], [1]), tol)).toMatch(/got -1.5, expected -4/);
  });

  it('names the worst element among several bad ones', () => {
    const msg = compareTensors('y', t([1.1, 5, 2.2], [3]), t([1, 1, 2], [3]), { rtol: 0, atol: 0.01 });
    expect(msg).toMatch(/3 of 3 values differ/);
    expect(msg).toMatch(/worst at flat index 1: got 5, expected 1/);
  });

  it('rejects a dtype mismatch before looking at values', () => {
    expect(compareTensors('y', t([1, 2], [2], 'int32'), t([1, 2], [2]), tight)).toBe("output 'y': dtype int32; expected float32");
  });

  it('rejects shape mismatches of equal size and of different rank', () => {
    expect(compareTensors('y', t([1, 2, 3, 4], [4]), t([1, 2, 3, 4], [2, 2]), tight)).toBe("output 'y': shape [4]; expected [2, 2]");
    expect(compareTensors('y', t([1, 2, 3, 4], [2, 2]), t([1, 2, 3, 4], [1, 4]), tight)).toMatch(/shape \[2, 2\]; expected \[1, 4\]/);
  });

  it('compares int32 outputs exactly under a zero tolerance', () => {
    expect(compareTensors('i', t([3, 1], [2], 'int32'), t([3, 2], [2], 'int32'), tight)).toMatch(/index 1: got 1, expected 2/);
  });
});
