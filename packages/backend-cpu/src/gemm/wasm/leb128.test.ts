import { describe, expect, it } from 'vitest';
import { signedLeb128, unsignedLeb128 } from './leb128';

// Expected bytes worked by hand: split into 7-bit groups, low group first, continuation bit 0x80
// on all but the last (624485 and -123456 are the examples of the LEB128 article on Wikipedia).
describe('LEB128', () => {
  it('encodes unsigned values', () => {
    expect(unsignedLeb128(0)).toEqual([0x00]);
    expect(unsignedLeb128(1)).toEqual([0x01]);
    expect(unsignedLeb128(127)).toEqual([0x7f]);
    expect(unsignedLeb128(128)).toEqual([0x80, 0x01]);
    expect(unsignedLeb128(228)).toEqual([0xe4, 0x01]); // f32x4.add's SIMD sub-opcode
    expect(unsignedLeb128(16384)).toEqual([0x80, 0x80, 0x01]);
    expect(unsignedLeb128(624485)).toEqual([0xe5, 0x8e, 0x26]);
    expect(unsignedLeb128(0xffffffff)).toEqual([0xff, 0xff, 0xff, 0xff, 0x0f]);
  });

  it('encodes signed values, stopping once the sign bit of the last group matches', () => {
    expect(signedLeb128(0)).toEqual([0x00]);
    expect(signedLeb128(63)).toEqual([0x3f]);
    expect(signedLeb128(64)).toEqual([0xc0, 0x00]); // bit 6 set, so a zero group must follow
    expect(signedLeb128(-1)).toEqual([0x7f]);
    expect(signedLeb128(-64)).toEqual([0x40]);
    expect(signedLeb128(-65)).toEqual([0xbf, 0x7f]);
    expect(signedLeb128(-123456)).toEqual([0xc0, 0xbb, 0x78]);
    expect(signedLeb128(2147483647)).toEqual([0xff, 0xff, 0xff, 0xff, 0x07]);
    expect(signedLeb128(-2147483648)).toEqual([0x80, 0x80, 0x80, 0x80, 0x78]);
  });

  it('refuses values outside the 32-bit ranges and non-integers, naming the value', () => {
    expect(() => unsignedLeb128(-1)).toThrow(/unsignedLeb128 was given -1/);
    expect(() => unsignedLeb128(2 ** 32)).toThrow(/\[0, 2\^32\)/);
    expect(() => unsignedLeb128(1.5)).toThrow(/given 1.5/);
    expect(() => signedLeb128(2 ** 31)).toThrow(/signedLeb128 was given 2147483648/);
    expect(() => signedLeb128(-(2 ** 31) - 1)).toThrow(/i32 range/);
  });
});
