import { CnnkitError } from '@cnnkit/core';

/**
 * LEB128, the variable-length integer encoding of the WebAssembly binary format: 7 bits per
 * byte, least significant group first, the high bit set on every byte but the last.
 */

/** Unsigned LEB128 of a non-negative integer below 2^32 (section sizes, indices, counts). */
export function unsignedLeb128(value: number): number[] {
  if (!Number.isInteger(value) || value < 0 || value > 0xffffffff) {
    throw new CnnkitError('INVALID_ARGUMENT', `unsignedLeb128 was given ${value}; expected an integer in [0, 2^32)`, { value });
  }
  const bytes: number[] = [];
  let rest = value;
  do {
    const low = rest % 128;
    rest = Math.floor(rest / 128);
    bytes.push(rest === 0 ? low : low | 0x80);
  } while (rest !== 0);
  return bytes;
}

/**
 * Signed LEB128 of an integer in the i32 range (i32.const immediates). Emission stops once the
 * remaining value is all sign bits and the last group's bit 6 already carries that sign.
 */
export function signedLeb128(value: number): number[] {
  if (!Number.isInteger(value) || value < -0x80000000 || value > 0x7fffffff) {
    throw new CnnkitError('INVALID_ARGUMENT', `signedLeb128 was given ${value}; expected an integer in the i32 range [-2^31, 2^31)`, { value });
  }
  const bytes: number[] = [];
  let rest = value | 0;
  for (;;) {
    const low = rest & 0x7f;
    rest >>= 7;
    const signBitClear = (low & 0x40) === 0;
    if ((rest === 0 && signBitClear) || (rest === -1 && !signBitClear)) {
      bytes.push(low);
      return bytes;
    }
    bytes.push(low | 0x80);
  }
}
