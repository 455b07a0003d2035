// Compares the codec's objects with protobuf's MessageToDict (use_integers_for_enums=True) of the
// same message: both are brought to one normal form — int64s as decimal strings, bytes as base64,
// float32 fields rounded to float32, NaN / infinities as numbers, defaults left out (proto2
// presence is not something the codec keeps), and fields outside the codec's subset dropped.

/** Fields of onnx.proto the codec does not read: dropped from Python's dict before comparing. */
const UNREAD_FIELDS = new Set(['functions', 'trainingInfo', 'sparseInitializer', 'quantizationAnnotation', 'tp', 'typeProtos', 'sparseTensor', 'sparseTensors', 'segment']);
/** float (not double) fields: Python prints them shortest-as-float32. */
const FLOAT32_FIELDS = new Set(['f', 'floats', 'floatData']);
const UINT64_FIELDS = new Set(['uint64Data']);
/** int64 fields: MessageToDict writes them as strings. */
const INT64_FIELDS = new Set(['irVersion', 'modelVersion', 'version', 'i', 'ints', 'dims', 'int64Data', 'uint64Data', 'dimValue']);

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

function special(v: unknown): unknown {
  return v === 'NaN' ? Number.NaN : v === 'Infinity' ? Infinity : v === '-Infinity' ? -Infinity : v;
}

function int64String(v: number, unsigned: boolean): string {
  if (v === Infinity) return unsigned ? '18446744073709551615' : '9223372036854775807';
  if (v === -Infinity) return '-9223372036854775808';
  return String(v);
}

function isDefault(key: string, v: unknown): boolean {
  if (key === 'dimValue' || key === 'dimParam') return false; // a oneof: set means set
  return v === '' || v === 0 || v === '0' || v === false || ((Array.isArray(v) || ArrayBuffer.isView(v)) && (v as ArrayLike<unknown>).length === 0);
}

function normalize(value: unknown, key: string, fromPython: boolean): unknown {
  if (value instanceof Uint8Array) return Buffer.from(value).toString('base64');
  if (ArrayBuffer.isView(value)) return normalize(Array.from(value as unknown as ArrayLike<number>), key, fromPython);
  if (Array.isArray(value)) return value.map((v) => normalize(v, key, fromPython));
  if (typeof value === 'number' || (fromPython && typeof value === 'string' && (FLOAT32_FIELDS.has(key) || key === 'doubleData'))) {
    if (INT64_FIELDS.has(key) && typeof value === 'number') return int64String(value, UINT64_FIELDS.has(key));
    const n = special(value) as number;
    return FLOAT32_FIELDS.has(key) ? Math.fround(n) : n;
  }
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) {
      if (UNREAD_FIELDS.has(k) || v === undefined || isDefault(k, v)) continue;
      out[k] = normalize(v, k, fromPython);
    }
    return out;
  }
  return value;
}

/** A codec object (ModelProto, TensorProto ...) in the normal form. */
export function codecJson(value: unknown): Json {
  return normalize(value, '', false) as Json;
}

/** Python's MessageToDict output in the normal form. */
export function pythonJson(value: unknown): Json {
  return normalize(value, '', true) as Json;
}
