import { CnnkitError } from '../errors';
import { isDType } from '../tensor/dtype';
import type { TensorValue } from '../tensor/tensor';

/**
 * Splits a state tree (an optimizer's or a schedule's state dict, training history, user extras)
 * into JSON and tensors: every tensor value becomes { "$tensor": "<prefix>.<path>" } in the JSON
 * and an entry of the same name in the tensor map, so the tensors can go into safetensors as
 * raw float32 / int32 and the rest into the header's metadata. Numbers JSON cannot spell (NaN,
 * ±Infinity, −0) become { "$number": "NaN" }, so a restored history or state is the same, bit
 * for bit.
 */
export function encodeTree(value: unknown, prefix: string, tensors: Map<string, TensorValue>): unknown {
  if (typeof value === 'number') {
    if (Number.isFinite(value) && !Object.is(value, -0)) return value;
    return { $number: Object.is(value, -0) ? '-0' : String(value) };
  }
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return value;
  if (value === undefined) return null;
  if (isTensorValue(value)) {
    if (tensors.has(prefix)) throw new CnnkitError('INVALID_ARGUMENT', `checkpoint: two tensors would be saved as '${prefix}'; expected distinct keys`);
    tensors.set(prefix, { dtype: value.dtype, shape: [...value.shape], data: value.data });
    return { $tensor: prefix };
  }
  if (Array.isArray(value)) return value.map((v, i) => encodeTree(v, `${prefix}.${i}`, tensors));
  if (typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) if (v !== undefined) out[k] = encodeTree(v, `${prefix}.${k}`, tensors);
    return out;
  }
  throw new CnnkitError('INVALID_ARGUMENT', `checkpoint: '${prefix}' is ${describe(value)}; expected JSON data (numbers, strings, booleans, arrays, plain objects) or tensor values { dtype, shape, data }`);
}

/** The inverse of encodeTree: tensor references are looked up (and marked used) in `tensors`. */
export function decodeTree(value: unknown, tensors: ReadonlyMap<string, TensorValue>, used: Set<string>, where: string): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((v) => decodeTree(v, tensors, used, where));
  const record = value as Record<string, unknown>;
  const keys = Object.keys(record);
  if (keys.length === 1 && typeof record['$tensor'] === 'string') {
    const name = record['$tensor'];
    const t = tensors.get(name);
    if (!t) throw new CnnkitError('IO', `${where}: the metadata refers to tensor '${name}', which the file does not hold`, { tensor: name });
    used.add(name);
    return t;
  }
  if (keys.length === 1 && typeof record['$number'] === 'string') {
    const spelled = record['$number'];
    const n = spelled === '-0' ? -0 : Number(spelled);
    if (spelled !== '-0' && spelled !== 'NaN' && spelled !== 'Infinity' && spelled !== '-Infinity') {
      throw new CnnkitError('IO', `${where}: { "$number": ${JSON.stringify(spelled)} }; expected "NaN", "Infinity", "-Infinity" or "-0"`);
    }
    return n;
  }
  const out: Record<string, unknown> = {};
  for (const k of keys) out[k] = decodeTree(record[k], tensors, used, where);
  return out;
}

export function isTensorValue(value: unknown): value is TensorValue {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Partial<TensorValue>;
  return isDType(v.dtype) && Array.isArray(v.shape) && (v.data instanceof Float32Array || v.data instanceof Int32Array);
}

function describe(value: unknown): string {
  if (typeof value === 'object' && value !== null) return `a ${value.constructor?.name ?? 'null-prototype object'}`;
  return `a ${typeof value}`;
}
