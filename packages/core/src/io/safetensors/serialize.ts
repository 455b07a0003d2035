import { CnnkitError } from '../../errors';
import { dtypeOfArray } from '../../tensor/dtype';
import { sizeOf } from '../../tensor/shape';
import type { TensorValue } from '../../tensor/tensor';
import { WRITTEN_DTYPE, encodeTensorData } from './dtypes';

export type NamedTensorValues = ReadonlyMap<string, TensorValue> | Readonly<Record<string, TensorValue>>;

/**
 * The bytes of a safetensors file holding `tensors` (in the order given, packed back to back)
 * and `metadata`. The header is padded with spaces to a multiple of 8 bytes, as the reference
 * writer does, so that every tensor's data starts 8-byte aligned in the file.
 */
export function serializeSafetensors(tensors: NamedTensorValues, metadata: Readonly<Record<string, string>> = {}, target = 'safetensors'): Uint8Array {
  const where = `writing ${target}`;
  const entries: [string, TensorValue][] = tensors instanceof Map ? [...(tensors as ReadonlyMap<string, TensorValue>).entries()] : Object.entries(tensors as Record<string, TensorValue>);
  const header: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(metadata)) {
    if (typeof v !== 'string') throw new CnnkitError('INVALID_ARGUMENT', `${where}: metadata '${k}' is ${typeof v}; expected a string`);
  }
  if (Object.keys(metadata).length > 0) header['__metadata__'] = metadata;
  let offset = 0;
  const chunks: Uint8Array[] = [];
  for (const [name, value] of entries) {
    if (name === '__metadata__') throw new CnnkitError('INVALID_ARGUMENT', `${where}: a tensor is named '__metadata__'; expected any other name (the format reserves it)`);
    const size = sizeOf(value.shape);
    if (value.data.length !== size || dtypeOfArray(value.data) !== value.dtype) {
      throw new CnnkitError('INVALID_ARGUMENT', `${where}: tensor '${name}' is declared ${value.dtype} [${value.shape.join(', ')}] (${size} values) but holds ${value.data.length} ${dtypeOfArray(value.data)} values; expected them to agree`, { tensor: name });
    }
    const { name: dtype, bytes } = WRITTEN_DTYPE[value.dtype];
    const chunk = encodeTensorData(value.data);
    header[name] = { dtype, shape: [...value.shape], data_offsets: [offset, offset + size * bytes] };
    chunks.push(chunk);
    offset += chunk.byteLength;
  }
  const json = new TextEncoder().encode(JSON.stringify(header));
  const headerLength = Math.ceil(json.length / 8) * 8;
  const out = new Uint8Array(8 + headerLength + offset);
  new DataView(out.buffer).setBigUint64(0, BigInt(headerLength), true);
  out.set(json, 8);
  out.fill(0x20, 8 + json.length, 8 + headerLength);
  let at = 8 + headerLength;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.byteLength;
  }
  return out;
}
