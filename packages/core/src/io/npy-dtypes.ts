import { CnnkitError } from '../errors';
import type { DType, TypedArray } from '../tensor/dtype';

/** The .npy element types read, by kind and size (the byte order is read separately). */
const READABLE = {
  f2: 'float32', f4: 'float32', f8: 'float32',
  i1: 'int32', i2: 'int32', i4: 'int32', i8: 'int32',
  u1: 'int32', u2: 'int32', u4: 'int32', u8: 'int32',
  b1: 'int32',
} as const satisfies Record<string, DType>;
type ReadableKind = keyof typeof READABLE;

export const NPY_READABLE_TEXT =
  "'<f4' and '<i4' as they are; '<f8' and '<f2' as float32; '|i1', '<i2', '|u1', '<u2' and '|b1' (0 / 1) as int32; '<i8', '<u4' and '<u8' as int32 where every value fits; big-endian ('>') too";

export interface NpyElementType {
  readonly kind: ReadableKind;
  readonly littleEndian: boolean;
  readonly itemSize: number;
  readonly dtype: DType;
}

const littleEndianHost = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

/** Parses a descr such as '<f4', '>i8', '|u1' ('=' is the host's order, '|' is for single bytes). */
export function npyElementType(descr: string, source: string): NpyElementType {
  const m = /^([<>|=])([a-z])(\d+)$/.exec(descr);
  const kind = m ? `${m[2]}${m[3]}` : '';
  if (!m || !(kind in READABLE)) {
    throw new CnnkitError('IO', `${source}: the .npy dtype '${descr}' is not read by cnnkit; it reads ${NPY_READABLE_TEXT}`, { file: source, descr });
  }
  const k = kind as ReadableKind;
  const itemSize = Number(m[3]);
  if (m[1] === '|' && itemSize !== 1) {
    throw new CnnkitError('IO', `${source}: the .npy dtype '${descr}' has no byte order ('|') but ${itemSize}-byte elements; expected '<' or '>' for multi-byte types`, { file: source, descr });
  }
  const littleEndian = m[1] === '>' ? false : m[1] === '=' ? littleEndianHost : true;
  return { kind: k, littleEndian, itemSize, dtype: READABLE[k] };
}

function halfToFloat(h: number): number {
  const sign = h & 0x8000 ? -1 : 1;
  const exponent = (h >> 10) & 0x1f;
  const fraction = h & 0x3ff;
  if (exponent === 0) return sign * fraction * 2 ** -24;
  if (exponent === 0x1f) return fraction ? Number.NaN : sign * Infinity;
  return sign * (1 + fraction / 1024) * 2 ** (exponent - 15);
}

/**
 * Decodes `count` elements into cnnkit's dtype. Conversions are exact or checked: a float64 too
 * large for float32 and an integer outside int32 are errors naming the element, never silent
 * infinities or wrap-arounds.
 */
export function decodeNpyData(type: NpyElementType, bytes: Uint8Array, count: number, source: string): TypedArray {
  const { kind, littleEndian: le } = type;
  const nativeOrder = le === littleEndianHost;
  if (nativeOrder && (kind === 'f4' || kind === 'i4')) {
    const copy = new Uint8Array(count * 4); // own, aligned buffer (the file's may be pooled or unaligned)
    copy.set(bytes.subarray(0, count * 4));
    return kind === 'f4' ? new Float32Array(copy.buffer) : new Int32Array(copy.buffer);
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, count * type.itemSize);
  const out = type.dtype === 'float32' ? new Float32Array(count) : new Int32Array(count);
  const outOfRange = (i: number, value: bigint | number, what: string): CnnkitError =>
    new CnnkitError('IO', `${source}: element ${i} of the '${kind}' data is ${value}, ${what}; cnnkit reads it as ${type.dtype}`, { file: source, index: i });
  for (let i = 0; i < count; i++) {
    switch (kind) {
      case 'f2': out[i] = halfToFloat(view.getUint16(2 * i, le)); break;
      case 'f4': out[i] = view.getFloat32(4 * i, le); break;
      case 'f8': {
        const v = view.getFloat64(8 * i, le);
        if (Number.isFinite(v) && !Number.isFinite(Math.fround(v))) throw outOfRange(i, v, 'beyond the float32 range (±3.4028235e38)');
        out[i] = v;
        break;
      }
      case 'i1': out[i] = view.getInt8(i); break;
      case 'u1': out[i] = view.getUint8(i); break;
      case 'b1': out[i] = view.getUint8(i) === 0 ? 0 : 1; break;
      case 'i2': out[i] = view.getInt16(2 * i, le); break;
      case 'u2': out[i] = view.getUint16(2 * i, le); break;
      case 'i4': out[i] = view.getInt32(4 * i, le); break;
      case 'u4': {
        const v = view.getUint32(4 * i, le);
        if (v > 0x7fffffff) throw outOfRange(i, v, 'outside int32 ([-2147483648, 2147483647])');
        out[i] = v;
        break;
      }
      case 'i8':
      case 'u8': {
        // Fits int32 when the high word is the sign extension of the low one (u8: both zero).
        const lo = view.getInt32(8 * i + (le ? 0 : 4), le);
        const hi = view.getInt32(8 * i + (le ? 4 : 0), le);
        const fits = kind === 'i8' ? hi === (lo < 0 ? -1 : 0) : hi === 0 && lo >= 0;
        if (!fits) throw outOfRange(i, kind === 'i8' ? view.getBigInt64(8 * i, le) : view.getBigUint64(8 * i, le), 'outside int32 ([-2147483648, 2147483647])');
        out[i] = lo;
        break;
      }
    }
  }
  return out;
}

/** Little-endian bytes of a float32 / int32 array ('<f4' / '<i4'). */
export function encodeNpyData(data: TypedArray): Uint8Array {
  const bytes = new Uint8Array(data.length * 4);
  if (littleEndianHost) {
    bytes.set(new Uint8Array(data.buffer, data.byteOffset, data.length * 4));
    return bytes;
  }
  const view = new DataView(bytes.buffer);
  for (let i = 0; i < data.length; i++) {
    if (data instanceof Float32Array) view.setFloat32(4 * i, data[i]!, true);
    else view.setInt32(4 * i, data[i]!, true);
  }
  return bytes;
}
