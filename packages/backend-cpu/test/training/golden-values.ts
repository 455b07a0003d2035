import { type DType, type TensorValue, toTypedArray } from '@cnnkit/core';

/** A tensor as the fixture generators write it (NaN and infinities spelled as strings). */
export interface FixtureTensor {
  readonly dtype: string;
  readonly shape: readonly number[];
  readonly data: readonly (number | string)[];
}

const numberOf = (v: number | string): number => (typeof v === 'number' ? v : v === 'NaN' ? NaN : v === 'Infinity' ? Infinity : -Infinity);

export function fixtureValue(t: FixtureTensor): TensorValue {
  const dtype = t.dtype as DType;
  return { dtype, shape: [...t.shape], data: toTypedArray(dtype, t.data.map(numberOf), 'fixture') };
}

/** |a − e| <= atol + rtol·|e| everywhere (NaN matches NaN); returns the first offending index or -1. */
export function firstMismatch(actual: ArrayLike<number>, expected: ArrayLike<number>, rtol: number, atol: number): number {
  if (actual.length !== expected.length) return 0;
  for (let i = 0; i < expected.length; i++) {
    const a = actual[i]!;
    const e = expected[i]!;
    if (Number.isNaN(e) && Number.isNaN(a)) continue;
    if (!(Math.abs(a - e) <= atol + rtol * Math.abs(e))) return i;
  }
  return -1;
}

export function describeMismatch(actual: ArrayLike<number>, expected: ArrayLike<number>, rtol: number, atol: number): string | undefined {
  const i = firstMismatch(actual, expected, rtol, atol);
  if (i < 0) return undefined;
  return actual.length !== expected.length
    ? `${actual.length} values; expected ${expected.length}`
    : `index ${i}: got ${actual[i]}, expected ${expected[i]} (rtol ${rtol}, atol ${atol})`;
}
