import { CnnkitError, type TensorValue, formatShape } from '@cnnkit/core';
import { makeTensor } from './builders';
import { decodeTensor } from './decode';
import { DATA_LOCATION, DATA_TYPE, dataTypeName } from './enums';
import { encodeTensor } from './encode';
import { int64FromHalves } from './int64';
import type { TensorProto } from './types';

/** Data types read as float32 (exactly, or checked for overflow from DOUBLE). */
const FLOAT_TYPES: readonly number[] = [DATA_TYPE.FLOAT, DATA_TYPE.DOUBLE, DATA_TYPE.FLOAT16, DATA_TYPE.BFLOAT16];
/** Data types read as int32 where every value fits. */
const INT_TYPES: readonly number[] = [
  DATA_TYPE.INT32, DATA_TYPE.INT64, DATA_TYPE.INT8, DATA_TYPE.UINT8, DATA_TYPE.INT16, DATA_TYPE.UINT16,
  DATA_TYPE.BOOL, DATA_TYPE.UINT32, DATA_TYPE.UINT64,
];
const READABLE_TEXT = 'FLOAT, DOUBLE, FLOAT16, BFLOAT16 (as float32) and INT8/16/32/64, UINT8/16/32/64, BOOL (as int32 where every value fits)';

const BYTES_PER_ELEMENT: Readonly<Record<number, number>> = {
  [DATA_TYPE.FLOAT]: 4, [DATA_TYPE.DOUBLE]: 8, [DATA_TYPE.FLOAT16]: 2, [DATA_TYPE.BFLOAT16]: 2,
  [DATA_TYPE.INT8]: 1, [DATA_TYPE.UINT8]: 1, [DATA_TYPE.BOOL]: 1, [DATA_TYPE.INT16]: 2, [DATA_TYPE.UINT16]: 2,
  [DATA_TYPE.INT32]: 4, [DATA_TYPE.UINT32]: 4, [DATA_TYPE.INT64]: 8, [DATA_TYPE.UINT64]: 8,
};

const littleEndianHost = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

function tensorWhere(t: TensorProto, where: string): string {
  return t.name ? `${where} tensor '${t.name}'` : `${where} tensor`;
}

function halfToFloat(h: number): number {
  const sign = h & 0x8000 ? -1 : 1;
  const exponent = (h >> 10) & 0x1f;
  const fraction = h & 0x3ff;
  if (exponent === 0) return sign * fraction * 2 ** -24;
  if (exponent === 0x1f) return fraction ? Number.NaN : sign * Infinity;
  return sign * (1 + fraction / 1024) * 2 ** (exponent - 15);
}

const bf16Scratch = new Float32Array(1);
const bf16Bits = new Uint32Array(bf16Scratch.buffer);
function bfloat16ToFloat(bits: number): number {
  bf16Bits[0] = (bits & 0xffff) << 16;
  return bf16Scratch[0]!;
}

/** The number of elements the dims describe, checked. */
function elementCount(t: TensorProto, where: string): number {
  let n = 1;
  for (const d of t.dims) {
    if (!Number.isSafeInteger(d) || d < 0) throw new CnnkitError('IO', `${where}: dims ${formatShape(t.dims)} hold ${d}; expected non-negative integers`);
    n *= d;
  }
  return n;
}

function checkReadable(t: TensorProto, where: string): void {
  if (t.dataLocation === DATA_LOCATION.EXTERNAL || t.externalData.length > 0) {
    const location = t.externalData.find((e) => e.key === 'location')?.value;
    throw new CnnkitError('IO', `${where}: its data is stored outside the model${location ? ` (in '${location}')` : ''}; expected the data inside the file (save with onnx.save_model(..., save_as_external_data=False) or onnx.load with load_external_data)`, { location });
  }
}

/**
 * Every element of a tensor as a JS number, whatever its data type and whichever field holds
 * it: int64 exactly (within ±2^53; INT64_MAX / INT64_MIN as ±Infinity), floats widened.
 * For small tensors (shapes, axes, slice bounds); weights go through tensorFromProto.
 */
export function tensorProtoNumbers(t: TensorProto, where = 'ONNX'): number[] {
  const w = tensorWhere(t, where);
  checkReadable(t, w);
  const n = elementCount(t, w);
  const type = t.dataType;
  const out: number[] = new Array<number>(n);
  if (t.rawData) {
    const bytes = BYTES_PER_ELEMENT[type];
    if (bytes === undefined) throw new CnnkitError('IO', `${w}: data type ${dataTypeName(type)} is not read by cnnkit; it reads ${READABLE_TEXT}`);
    if (t.rawData.length !== n * bytes) {
      throw new CnnkitError('IO', `${w}: raw_data has ${t.rawData.length} bytes; expected ${n * bytes} for dims ${formatShape(t.dims)} of ${dataTypeName(type)}`);
    }
    const dv = new DataView(t.rawData.buffer, t.rawData.byteOffset, t.rawData.byteLength);
    for (let i = 0; i < n; i++) out[i] = rawElement(dv, type, i, w);
    return out;
  }
  const source = typedField(t, w);
  if (source.length !== n) {
    throw new CnnkitError('IO', `${w}: holds ${source.length} ${dataTypeName(type)} values; expected ${n} for dims ${formatShape(t.dims)}`);
  }
  const convert = type === DATA_TYPE.FLOAT16 ? halfToFloat : type === DATA_TYPE.BFLOAT16 ? bfloat16ToFloat
    : type === DATA_TYPE.UINT16 ? (v: number) => v & 0xffff : type === DATA_TYPE.UINT8 || type === DATA_TYPE.BOOL ? (v: number) => v & 0xff : undefined;
  for (let i = 0; i < n; i++) out[i] = convert ? convert(source[i]!) : source[i]!;
  return out;
}

function rawElement(dv: DataView, type: number, i: number, where: string): number {
  switch (type) {
    case DATA_TYPE.FLOAT: return dv.getFloat32(i * 4, true);
    case DATA_TYPE.DOUBLE: return dv.getFloat64(i * 8, true);
    case DATA_TYPE.FLOAT16: return halfToFloat(dv.getUint16(i * 2, true));
    case DATA_TYPE.BFLOAT16: return bfloat16ToFloat(dv.getUint16(i * 2, true));
    case DATA_TYPE.INT8: return dv.getInt8(i);
    case DATA_TYPE.UINT8: return dv.getUint8(i);
    case DATA_TYPE.BOOL: return dv.getUint8(i) !== 0 ? 1 : 0;
    case DATA_TYPE.INT16: return dv.getInt16(i * 2, true);
    case DATA_TYPE.UINT16: return dv.getUint16(i * 2, true);
    case DATA_TYPE.INT32: return dv.getInt32(i * 4, true);
    case DATA_TYPE.UINT32: return dv.getUint32(i * 4, true);
    case DATA_TYPE.INT64: return int64FromHalves(dv.getInt32(i * 8, true), dv.getInt32(i * 8 + 4, true), true, `${where} element ${i}`);
    case DATA_TYPE.UINT64: return int64FromHalves(dv.getInt32(i * 8, true), dv.getInt32(i * 8 + 4, true), false, `${where} element ${i}`);
    default: throw new CnnkitError('IO', `${where}: data type ${dataTypeName(type)} is not read by cnnkit; it reads ${READABLE_TEXT}`);
  }
}

/** The typed field that holds a data type's values when raw_data is absent (onnx.proto's table). */
function typedField(t: TensorProto, where: string): ArrayLike<number> {
  switch (t.dataType) {
    case DATA_TYPE.FLOAT: return t.floatData;
    case DATA_TYPE.DOUBLE: return t.doubleData;
    case DATA_TYPE.INT64: return t.int64Data;
    case DATA_TYPE.UINT32: case DATA_TYPE.UINT64: return t.uint64Data;
    case DATA_TYPE.INT32: case DATA_TYPE.INT16: case DATA_TYPE.INT8: case DATA_TYPE.UINT16: case DATA_TYPE.UINT8:
    case DATA_TYPE.BOOL: case DATA_TYPE.FLOAT16: case DATA_TYPE.BFLOAT16:
      return t.int32Data;
    default:
      throw new CnnkitError('IO', `${where}: data type ${dataTypeName(t.dataType)} is not read by cnnkit; it reads ${READABLE_TEXT}`, { dataType: t.dataType });
  }
}

/**
 * A TensorProto as a cnnkit tensor value: floating types become float32 (DOUBLE checked for
 * overflow), integer and bool types int32 where every value fits — an error names the tensor
 * and the element otherwise, never a silent wrap-around.
 */
export function tensorFromProto(t: TensorProto, where = 'ONNX'): TensorValue {
  const w = tensorWhere(t, where);
  checkReadable(t, w);
  const shape = [...t.dims];
  const n = elementCount(t, w);
  if (t.dataType === DATA_TYPE.FLOAT && t.rawData && t.rawData.length === n * 4 && littleEndianHost) {
    // The common case, a float32 weight: one copy into an aligned array of its own.
    const copy = new Uint8Array(t.rawData.length);
    copy.set(t.rawData);
    return { dtype: 'float32', shape, data: new Float32Array(copy.buffer) };
  }
  if (t.dataType === DATA_TYPE.FLOAT && !t.rawData && t.floatData.length === n) {
    return { dtype: 'float32', shape, data: Float32Array.from(t.floatData) };
  }
  if (FLOAT_TYPES.includes(t.dataType)) {
    const values = tensorProtoNumbers(t, where);
    const data = Float32Array.from(values);
    for (let i = 0; i < n; i++) {
      if (Number.isFinite(values[i]!) && !Number.isFinite(data[i]!)) {
        throw new CnnkitError('IO', `${w}: element ${i} is ${values[i]}, which overflows float32; expected values float32 can hold`, { index: i, value: values[i] });
      }
    }
    return { dtype: 'float32', shape, data };
  }
  if (INT_TYPES.includes(t.dataType)) {
    const values = tensorProtoNumbers(t, where);
    const data = new Int32Array(n);
    for (let i = 0; i < n; i++) {
      const v = values[i]!;
      if (v < -2147483648 || v > 2147483647) {
        throw new CnnkitError('IO', `${w}: ${dataTypeName(t.dataType)} element ${i} is ${v}, outside int32; expected values in [-2147483648, 2147483647] (cnnkit reads integers as int32)`, { index: i, value: v });
      }
      data[i] = v;
    }
    return { dtype: 'int32', shape, data };
  }
  throw new CnnkitError('IO', `${w}: data type ${dataTypeName(t.dataType)} is not read by cnnkit; it reads ${READABLE_TEXT}`, { dataType: t.dataType });
}

/** Little-endian bytes of a float32 / int32 array (a view when the host is little-endian). */
export function littleEndianBytes(data: Float32Array | Int32Array): Uint8Array {
  if (littleEndianHost) return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
  const out = new Uint8Array(data.byteLength);
  const dv = new DataView(out.buffer);
  if (data instanceof Float32Array) data.forEach((x, i) => dv.setFloat32(i * 4, x, true));
  else data.forEach((x, i) => dv.setInt32(i * 4, x, true));
  return out;
}

/** A cnnkit tensor value as a TensorProto: FLOAT or INT32, values in raw_data. */
export function tensorToProto(name: string, value: TensorValue): TensorProto {
  return makeTensor({
    name,
    dims: [...value.shape],
    dataType: value.dtype === 'float32' ? DATA_TYPE.FLOAT : DATA_TYPE.INT32,
    rawData: littleEndianBytes(value.data),
  });
}

/** Reads a serialized TensorProto (an ONNX backend-test input_*.pb / output_*.pb file). */
export function decodeTensorProto(bytes: Uint8Array, source = 'ONNX tensor'): { name: string; value: TensorValue } {
  const t = decodeTensor(bytes, source);
  return { name: t.name, value: tensorFromProto(t, source) };
}

/** Writes a serialized TensorProto (FLOAT or INT32 in raw_data). */
export function encodeTensorProto(name: string, value: TensorValue): Uint8Array {
  return encodeTensor(tensorToProto(name, value));
}
