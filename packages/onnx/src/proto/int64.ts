import { CnnkitError } from '@cnnkit/core';

/**
 * int64 / uint64 fields are JS numbers in the codec's types. Every value within ±(2^53 − 1) is
 * exact. The two sentinels exporters write for "unbounded" (INT64_MAX and INT64_MIN, e.g. a
 * Slice end meaning "to the end") decode as +Infinity / −Infinity and encode back to themselves,
 * so they round-trip; any other value outside the safe range is an error naming the field.
 */
export const INT64_MAX = 2n ** 63n - 1n;
export const INT64_MIN = -(2n ** 63n);
export const UINT64_MAX = 2n ** 64n - 1n;

/** The number for a 64-bit two's-complement value given as two 32-bit halves. */
export function int64FromHalves(lo: number, hi: number, signed: boolean, where: string): number {
  const high = hi >>> 0;
  const low = lo >>> 0;
  // Fast paths: non-negative below 2^53, or negative down to −(2^53 − 2^32) (the high word sign-extends).
  if (high < 0x200000) return high * 0x100000000 + low;
  if (signed && high > 0xffe00000) return (high - 0x100000000) * 0x100000000 + low;
  const big = signed ? BigInt.asIntN(64, (BigInt(high) << 32n) | BigInt(low)) : (BigInt(high) << 32n) | BigInt(low);
  if (big === INT64_MAX || (!signed && big === UINT64_MAX)) return Infinity;
  if (signed && big === INT64_MIN) return -Infinity;
  throw new CnnkitError('IO', `${where}: the 64-bit integer ${big} is outside JavaScript's safe range ±${Number.MAX_SAFE_INTEGER}; expected a value within it (or INT64_MAX / INT64_MIN for "unbounded")`, { value: String(big) });
}

/** The 64-bit two's-complement bits of a safe integer or ±Infinity (INT64_MAX / INT64_MIN). */
export function int64ToBigInt(value: number, where: string): bigint {
  if (value === Infinity) return INT64_MAX;
  if (value === -Infinity) return INT64_MIN;
  if (!Number.isSafeInteger(value)) {
    throw new CnnkitError('INVALID_ARGUMENT', `${where}: ${value} is not an integer within ±${Number.MAX_SAFE_INTEGER}; expected an int64 value (±Infinity for INT64_MAX / INT64_MIN)`, { value });
  }
  return BigInt(value);
}
