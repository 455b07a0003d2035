import { describe, expect, it } from 'vitest';
import { CnnkitError } from '../errors';
import type { TensorValue } from '../tensor/tensor';
import { parseNpy, serializeNpy } from './npy';

/** A .npy file assembled by hand: magic, version, little-endian header length, header, data. */
function npy(header: string, data: ArrayLike<number> = [], version = 1): Uint8Array {
  const head = new TextEncoder().encode(header);
  const pre = version === 1 ? 10 : 12;
  const out = new Uint8Array(pre + head.length + data.length);
  out.set([0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59, version, 0]);
  const view = new DataView(out.buffer);
  if (version === 1) view.setUint16(8, head.length, true);
  else view.setUint32(8, head.length, true);
  out.set(head, pre);
  out.set(Array.from(data), pre + head.length);
  return out;
}

const dict = (descr: string, shape: string, fortran = 'False'): string => `{'descr': '${descr}', 'fortran_order': ${fortran}, 'shape': ${shape}, }\n`;

/** Bytes of numbers written with a DataView setter, in the given byte order. */
function bytesOf(values: readonly (number | bigint)[], set: (v: DataView, at: number, x: never, le: boolean) => void, size: number, le = true): number[] {
  const v = new DataView(new ArrayBuffer(values.length * size));
  values.forEach((x, i) => set(v, i * size, x as never, le));
  return Array.from(new Uint8Array(v.buffer));
}
const f32 = (xs: number[], le = true) => bytesOf(xs, (v, at, x, l) => v.setFloat32(at, x, l), 4, le);
const f64 = (xs: number[], le = true) => bytesOf(xs, (v, at, x, l) => v.setFloat64(at, x, l), 8, le);
const i64 = (xs: bigint[], le = true) => bytesOf(xs, (v, at, x, l) => v.setBigInt64(at, x, l), 8, le);
const u64 = (xs: bigint[]) => bytesOf(xs, (v, at, x, l) => v.setBigUint64(at, x, l), 8);
const u32 = (xs: number[]) => bytesOf(xs, (v, at, x, l) => v.setUint32(at, x, l), 4);
const i16 = (xs: number[], le = true) => bytesOf(xs, (v, at, x, l) => v.setInt16(at, x, l), 2, le);

function fails(bytes: Uint8Array, pattern: RegExp, source = 'w.npy'): void {
  let error: unknown;
  try {
    parseNpy(bytes, source);
  } catch (e) {
    error = e;
  }
  expect(error).toBeInstanceOf(CnnkitError);
  expect((error as CnnkitError).code).toBe('IO');
  expect((error as CnnkitError).message).toMatch(new RegExp(`^${source.replace('.', '\\.')}: `));
  expect((error as CnnkitError).message).toMatch(pattern);
}

describe('serializeNpy', () => {
  it('writes NumPy\'s layout: version 1.0, dict header padded with spaces to 64 bytes, newline, little-endian data', () => {
    const bytes = serializeNpy({ dtype: 'float32', shape: [2, 3], data: Float32Array.of(1, 2, 3, 4, 5, 6) });
    expect([...bytes.subarray(0, 8)]).toEqual([0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59, 1, 0]);
    const headerLength = bytes[8]! + 256 * bytes[9]!;
    expect((10 + headerLength) % 64).toBe(0);
    const header = new TextDecoder().decode(bytes.subarray(10, 10 + headerLength));
    expect(header).toMatch(/^\{'descr': '<f4', 'fortran_order': False, 'shape': \(2, 3\), \} +\n$/);
    expect(bytes.length).toBe(10 + headerLength + 24);
    expect([...bytes.subarray(10 + headerLength, 10 + headerLength + 4)]).toEqual(f32([1]));
  });

  it('formats 1-d and 0-d shapes as Python tuples', () => {
    const header = (v: TensorValue): string => new TextDecoder().decode(serializeNpy(v)).split('\n')[0]!;
    expect(header({ dtype: 'int32', shape: [4], data: new Int32Array(4) })).toContain("'descr': '<i4', 'fortran_order': False, 'shape': (4,), }");
    expect(header({ dtype: 'float32', shape: [], data: new Float32Array(1) })).toContain("'shape': (), }");
  });

  it('round-trips float32 and int32 values of any shape exactly', () => {
    const values: TensorValue[] = [
      { dtype: 'float32', shape: [2, 2], data: Float32Array.of(-0, Number.NaN, Infinity, 1e-45) },
      { dtype: 'int32', shape: [3], data: Int32Array.of(-2147483648, 0, 2147483647) },
      { dtype: 'float32', shape: [], data: Float32Array.of(3.5) },
      { dtype: 'int32', shape: [0, 5], data: new Int32Array(0) },
      { dtype: 'float32', shape: [1, 1, 1, 1, 1, 1, 2], data: Float32Array.of(1, 2) },
    ];
    for (const v of values) expect(parseNpy(serializeNpy(v))).toEqual(v);
  });

  it('refuses values whose data disagrees with their dtype or shape', () => {
    expect(() => serializeNpy({ dtype: 'int32', shape: [2], data: new Float32Array(2) }, "'a.npy'")).toThrow(/serializeNpy\('a.npy'\): value says int32 but holds float32 data/);
    expect(() => serializeNpy({ dtype: 'float32', shape: [2, 2], data: new Float32Array(3) })).toThrow(/3 values for shape \[2, 2\]; expected 4/);
  });
});

describe('parseNpy', () => {
  it('reads versions 2.0 and 3.0 (4-byte header length, 3.0 in UTF-8)', () => {
    expect(parseNpy(npy(dict('<f4', '(1,)'), f32([2.5]), 2))).toEqual({ dtype: 'float32', shape: [1], data: Float32Array.of(2.5) });
    expect(parseNpy(npy(dict('<i4', '()'), [7, 0, 0, 0], 3))).toEqual({ dtype: 'int32', shape: [], data: Int32Array.of(7) });
  });

  it('converts the other kinds: f8 and f2 to float32, small and bool integers to int32, i8 / u4 / u8 to int32 when they fit', () => {
    expect(parseNpy(npy(dict('<f8', '(2,)'), f64([0.1, -1e300 * 0]))).data).toEqual(Float32Array.of(Math.fround(0.1), -0));
    // f2: 0x3c00 = 1, 0xc000 = -2, 0x0001 = 2^-24 (smallest subnormal), 0x7c00 = inf
    expect(parseNpy(npy(dict('<f2', '(4,)'), [0x00, 0x3c, 0x00, 0xc0, 0x01, 0x00, 0x00, 0x7c])).data).toEqual(Float32Array.of(1, -2, 2 ** -24, Infinity));
    expect(parseNpy(npy(dict('|i1', '(2,)'), [0xff, 0x7f]))).toEqual({ dtype: 'int32', shape: [2], data: Int32Array.of(-1, 127) });
    expect(parseNpy(npy(dict('|u1', '(2,)'), [0xff, 0x01])).data).toEqual(Int32Array.of(255, 1));
    expect(parseNpy(npy(dict('|b1', '(3,)'), [1, 0, 1])).data).toEqual(Int32Array.of(1, 0, 1));
    expect(parseNpy(npy(dict('<i2', '(2,)'), i16([-300, 300]))).data).toEqual(Int32Array.of(-300, 300));
    expect(parseNpy(npy(dict('<u2', '(1,)'), [0xff, 0xff])).data).toEqual(Int32Array.of(65535));
    expect(parseNpy(npy(dict('<i8', '(3,)'), i64([-1n, 2147483647n, -2147483648n]))).data).toEqual(Int32Array.of(-1, 2147483647, -2147483648));
    expect(parseNpy(npy(dict('<u4', '(1,)'), u32([2147483647]))).data).toEqual(Int32Array.of(2147483647));
    expect(parseNpy(npy(dict('<u8', '(1,)'), u64([5n]))).data).toEqual(Int32Array.of(5));
  });

  it('reads big-endian data by swapping', () => {
    expect(parseNpy(npy(dict('>f4', '(2,)'), f32([1.5, -3], false))).data).toEqual(Float32Array.of(1.5, -3));
    expect(parseNpy(npy(dict('>i8', '(2,)'), i64([-7n, 2147483647n], false))).data).toEqual(Int32Array.of(-7, 2147483647));
    expect(parseNpy(npy(dict('>i2', '(1,)'), i16([-2], false))).data).toEqual(Int32Array.of(-2));
    expect(parseNpy(npy(dict('>f8', '(1,)'), f64([0.5], false))).data).toEqual(Float32Array.of(0.5));
  });

  it('accepts Python 2 longs, double quotes and a Fortran flag on a layout equal to C order', () => {
    expect(parseNpy(npy('{"descr": "<i4", "fortran_order": False, "shape": (1L, 2L)}', [1, 0, 0, 0, 2, 0, 0, 0])).shape).toEqual([1, 2]);
    expect(parseNpy(npy(dict('<i4', '(2, 1)', 'True'), [1, 0, 0, 0, 2, 0, 0, 0])).data).toEqual(Int32Array.of(1, 2));
  });

  it('refuses values that do not fit cnnkit\'s dtypes, naming the element', () => {
    fails(npy(dict('<i8', '(2,)'), i64([0n, 2147483648n])), /element 1 of the 'i8' data is 2147483648, outside int32/);
    fails(npy(dict('<i8', '(1,)'), i64([-2147483649n])), /element 0 of the 'i8' data is -2147483649, outside int32/);
    fails(npy(dict('<u8', '(1,)'), u64([2n ** 63n])), /element 0 of the 'u8' data is 9223372036854775808, outside int32/);
    fails(npy(dict('<u4', '(1,)'), u32([2147483648])), /element 0 of the 'u4' data is 2147483648, outside int32/);
    fails(npy(dict('<f8', '(2,)'), f64([1, 1e39])), /element 1 of the 'f8' data is 1e\+39, beyond the float32 range/);
  });

  it('refuses dtypes it does not read, listing those it does', () => {
    fails(npy(dict('<c8', '(1,)'), new Array(8).fill(0)), /the \.npy dtype '<c8' is not read by cnnkit; it reads '<f4' and '<i4'/);
    fails(npy(dict('<U3', '(1,)'), new Array(12).fill(0)), /dtype '<U3' is not read/);
    fails(npy(dict('|f4', '(1,)'), [0, 0, 0, 0]), /'\|f4' has no byte order \('\|'\) but 4-byte elements; expected '<' or '>'/);
    fails(npy("{'descr': [('a', '<f4')], 'fortran_order': False, 'shape': (1,), }", [0, 0, 0, 0]), /structured \(record\) array/);
  });

  it('refuses Fortran order', () => {
    fails(npy(dict('<f4', '(2, 3)', 'True'), new Array(24).fill(0)), /Fortran-ordered array \(fortran_order: True, shape \[2, 3\]\); expected C order: save np.ascontiguousarray\(a\)/);
  });

  it('names the file and what is wrong with bad magic, versions and truncation', () => {
    fails(new TextEncoder().encode('PK\u0003\u0004 not numpy'), /is not a \.npy file: it starts with bytes \[50 4b 03 04 20 6e\].*expected the magic/);
    fails(new Uint8Array(3), /is not a \.npy file/);
    const v4 = npy(dict('<f4', '(1,)'), f32([1]));
    v4[6] = 4;
    fails(v4, /format version 4\.0; expected 1\.0, 2\.0 or 3\.0/);
    fails(npy(dict('<f4', '(1,)'), f32([1]), 2).subarray(0, 11), /truncated inside its preamble/);
    fails(npy(dict('<f4', '(1,)'), f32([1])).subarray(0, 30), /truncated inside its header: the header claims \d+ bytes but the file has 20/);
    fails(npy(dict('<f4', '(2, 3)'), f32([1, 2, 3, 4, 5])), /is truncated: its header says '<f4' \[2, 3\], 24 bytes of data, but 20 follow the header/);
    fails(npy(dict('<f4', '(1,)'), f32([1, 2])), /has 4 bytes after its '<f4' \[1\] array \(4 bytes\)/);
  });

  it('names what is malformed in the header', () => {
    const bad = (header: string, pattern: RegExp): void => fails(npy(header), new RegExp(`malformed \\.npy header .*${pattern.source}`));
    bad("{'descr': '<f4', 'shape': (1,), }", /its keys are 'descr', 'shape'; expected a dict like/);
    bad("{'descr': '<f4', 'fortran_order': False, 'shape': (1,), 'extra': 1}", /its keys are 'descr', 'extra', 'fortran_order', 'shape'/);
    bad("{'descr': '<f4', 'fortran_order': 0, 'shape': (1,)}", /'fortran_order' is 0, not True or False/);
    bad("{'descr': '<f4', 'fortran_order': False, 'shape': (-1,)}", /'shape' is \[-1\], not a tuple of non-negative integers/);
    bad("{'descr': '<f4', 'fortran_order': False, 'shape': 3}", /'shape' is 3/);
    bad("{'descr': 4, 'fortran_order': False, 'shape': ()}", /'descr' is 4, not a string/);
    bad("{'descr': '<f4, 'fortran_order': False, 'shape': ()}", /found 'f' at offset/);
    bad("{'descr': '<f4', 'fortran_order': False, 'shape': (1,}", /unexpected '\}' at offset 53/);
    bad("{'descr': '<f4', 'fortran_order': False, 'shape': (1 2)}", /found '2' at offset 53 inside a tuple/);
    bad("{'descr': '<f4' 'fortran_order': False}", /after the value of 'descr'/);
    bad("{'descr': '<f4', 'descr': '<f4'}", /the key 'descr' appears twice/);
    bad("['descr']", /where '\{' belongs/);
    bad("{'descr': '<f4', 'fortran_order': False, 'shape': ()} trailing", /unexpected text after the dict/);
    bad("{'descr': '<f4', 'fortran_order': False, 'shape': (1,), ", /unexpected end at offset \d+/);
  });
});
