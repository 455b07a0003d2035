import { CnnkitError } from '../../errors';
import type { DType, TypedArray } from '../../tensor/dtype';

/** Every dtype name the safetensors format defines. */
export const SAFETENSORS_DTYPES = ['BOOL', 'U8', 'I8', 'F8_E5M2', 'F8_E4M3', 'I16', 'U16', 'F16', 'BF16', 'I32', 'U32', 'F32', 'F64', 'I64', 'U64'] as const;
export type SafetensorsDType = (typeof SAFETENSORS_DTYPES)[number];

/** The stored dtypes cnnkit reads, the dtype each becomes, and bytes per element. */
const READABLE: Partial<Record<SafetensorsDType, { dtype: DType; bytes: number }>> = {
  F32: { dtype: 'float32', bytes: 4 },
  I32: { dtype: 'int32', bytes: 4 },
  F64: { dtype: 'float32', bytes: 8 },
  F16: { dtype: 'float32', bytes: 2 },
  BF16: { dtype: 'float32', bytes: 2 },
  I64: { dtype: 'int32', bytes: 8 },
};

export const READABLE_DTYPES_TEXT = 'F32, I32, F64 / F16 / BF16 (converted to float32) and I64 (converted to int32 where every value fits)';

export function isSafetensorsDType(value: string): value is SafetensorsDType {
  return (SAFETENSORS_DTYPES as readonly string[]).includes(value);
}

/** How a stored dtype is read, or an error naming the tensor and what cnnkit reads. */
export function readableDType(stored: string, where: string): { dtype: DType; bytes: number } {
  if (!isSafetensorsDType(stored)) {
    throw new CnnkitError('IO', `${where}: unknown dtype '${stored}'; expected a safetensors dtype (${SAFETENSORS_DTYPES.join(', ')})`, { dtype: stored });
  }
  const info = READABLE[stored];
  if (!info) throw new CnnkitError('IO', `${where}: dtype '${stored}' is not read by cnnkit; it reads ${READABLE_DTYPES_TEXT}`, { dtype: stored });
  return info;
}

const littleEndianHost = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

/**
 * The bytes in a fresh buffer of their own: aligned for a typed-array view whatever the tensor's
 * offset in the file, and not shared (Node's Buffer.slice is a view into a pooled buffer).
 */
function ownedCopy(bytes: Uint8Array): ArrayBuffer {
  const copy = new Uint8Array(bytes.length);
  copy.set(bytes);
  return copy.buffer;
}

function halfToFloat(h: number): number {
  const sign = h & 0x8000 ? -1 : 1;
  const exponent = (h >> 10) & 0x1f;
  const fraction = h & 0x3ff;
  if (exponent === 0) return sign * fraction * 2 ** -24; // subnormal (or zero)
  if (exponent === 0x1f) return fraction ? Number.NaN : sign * Infinity;
  return sign * (1 + fraction / 1024) * 2 ** (exponent - 15);
}

/**
 * Decodes the little-endian bytes of one stored tensor into cnnkit's dtype. Conversions are
 * exact (F16, BF16 → float32) or checked: an F64 value too large for float32 and an I64 value
 * outside int32 are errors naming the element, never silent infinities or wrap-arounds.
 */
export function decodeTensorData(stored: SafetensorsDType, bytes: Uint8Array, where: string): TypedArray {
  const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  switch (stored) {
    case 'F32':
      return littleEndianHost ? new Float32Array(ownedCopy(bytes)) : Float32Array.from({ length: bytes.length / 4 }, (_, i) => dv.getFloat32(i * 4, true));
    case 'I32':
      return littleEndianHost ? new Int32Array(ownedCopy(bytes)) : Int32Array.from({ length: bytes.length / 4 }, (_, i) => dv.getInt32(i * 4, true));
    case 'F64': {
      const out = new Float32Array(bytes.length / 8);
      for (let i = 0; i < out.length; i++) {
        const x = dv.getFloat64(i * 8, true);
        out[i] = x;
        if (Number.isFinite(x) && !Number.isFinite(out[i]!)) {
          throw new CnnkitError('IO', `${where}: F64 element ${i} is ${x}, which overflows float32 (largest ±3.4028235e38); expected values float32 can hold`, { index: i, value: x });
        }
      }
      return out;
    }
    case 'F16': {
      const out = new Float32Array(bytes.length / 2);
      for (let i = 0; i < out.length; i++) out[i] = halfToFloat(dv.getUint16(i * 2, true));
      return out;
    }
    case 'BF16': {
      const out = new Float32Array(bytes.length / 2);
      const bits = new Uint32Array(out.buffer);
      for (let i = 0; i < out.length; i++) bits[i] = dv.getUint16(i * 2, true) << 16;
      return out;
    }
    case 'I64': {
      const out = new Int32Array(bytes.length / 8);
      for (let i = 0; i < out.length; i++) {
        const low = dv.getInt32(i * 8, true);
        const high = dv.getInt32(i * 8 + 4, true);
        // It fits in int32 exactly when the high word is the sign extension of the low one.
        if (high !== low >> 31) {
          const value = dv.getBigInt64(i * 8, true);
          throw new CnnkitError('IO', `${where}: I64 element ${i} is ${value}, outside int32; expected values in [-2147483648, 2147483647] (cnnkit reads I64 as int32)`, { index: i, value: String(value) });
        }
        out[i] = low;
      }
      return out;
    }
    default:
      throw new CnnkitError('IO', `${where}: dtype '${stored}' is not read by cnnkit; it reads ${READABLE_DTYPES_TEXT}`);
  }
}

/** The stored dtype cnnkit writes for each of its dtypes. */
export const WRITTEN_DTYPE: Record<DType, { name: SafetensorsDType; bytes: number }> = {
  float32: { name: 'F32', bytes: 4 },
  int32: { name: 'I32', bytes: 4 },
};

/** Little-endian bytes of a float32 / int32 array. */
export function encodeTensorData(data: TypedArray): Uint8Array {
  if (littleEndianHost) return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
  const out = new Uint8Array(data.byteLength);
  const dv = new DataView(out.buffer);
  if (data instanceof Float32Array) data.forEach((x, i) => dv.setFloat32(i * 4, x, true));
  else data.forEach((x, i) => dv.setInt32(i * 4, x, true));
  return out;
}
