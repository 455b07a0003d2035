import { CnnkitError } from '../../errors';
import type { DType } from '../../tensor/dtype';
import type { TensorValue } from '../../tensor/tensor';
import { type SafetensorsDType, decodeTensorData, readableDType } from './dtypes';
import { findDuplicateKey } from './json-duplicates';

/** What a safetensors file holds: tensors in file order, and the string-to-string __metadata__. */
export interface SafetensorsContents {
  readonly tensors: Map<string, TensorValue>;
  readonly metadata: Record<string, string>;
}

/** The safetensors reference implementation refuses headers past 100 MB; so do we. */
const MAX_HEADER_BYTES = 100_000_000;

interface Entry {
  readonly name: string;
  readonly stored: SafetensorsDType;
  readonly shape: number[];
  readonly begin: number;
  readonly end: number;
  readonly dtype: DType;
}

const fail = (message: string, details: Record<string, unknown> = {}): never => {
  throw new CnnkitError('IO', message, details);
};

/**
 * Parses the bytes of a safetensors file (https://github.com/huggingface/safetensors: an 8-byte
 * little-endian header length, a JSON header, then the raw little-endian data) and validates all
 * of it: every error names `source` (the file), the tensor, what was found and what was expected.
 */
export function parseSafetensors(bytes: Uint8Array, source: string): SafetensorsContents {
  const where = `safetensors file '${source}'`;
  if (bytes.length < 8) fail(`${where}: ${bytes.length} bytes; expected at least 8 (the header length) — the file is truncated or not safetensors`, { file: source });
  const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const headerLength = dv.getBigUint64(0, true);
  if (headerLength > BigInt(bytes.length - 8)) {
    fail(`${where}: header length ${headerLength} bytes runs past the end of the ${bytes.length}-byte file; expected at most ${bytes.length - 8} — the file is truncated or not safetensors`, { file: source });
  }
  const n = Number(headerLength);
  if (n > MAX_HEADER_BYTES) fail(`${where}: header length ${n} bytes; expected at most ${MAX_HEADER_BYTES}`, { file: source });
  const header = parseHeader(bytes.subarray(8, 8 + n), where);
  const dataStart = 8 + n;
  const dataLength = bytes.length - dataStart;

  const metadata = readMetadata(header['__metadata__'], where);
  const entries = Object.entries(header)
    .filter(([name]) => name !== '__metadata__')
    .map(([name, info]) => readEntry(name, info, `${where}: tensor '${name}'`));
  checkLayout(entries, dataLength, where);

  const tensors = new Map<string, TensorValue>();
  for (const e of entries) {
    const data = decodeTensorData(e.stored, bytes.subarray(dataStart + e.begin, dataStart + e.end), `${where}: tensor '${e.name}'`);
    tensors.set(e.name, { dtype: e.dtype, shape: e.shape, data });
  }
  return { tensors, metadata };
}

function parseHeader(headerBytes: Uint8Array, where: string): Record<string, unknown> {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(headerBytes);
  } catch {
    return fail(`${where}: the ${headerBytes.length}-byte header is not valid UTF-8; expected a UTF-8 JSON object`);
  }
  let header: unknown;
  try {
    header = JSON.parse(text);
  } catch (error) {
    return fail(`${where}: the header is not valid JSON (${(error as Error).message}); expected a JSON object, header begins ${JSON.stringify(text.slice(0, 60))}`);
  }
  if (typeof header !== 'object' || header === null || Array.isArray(header)) {
    fail(`${where}: the header is ${Array.isArray(header) ? 'an array' : JSON.stringify(header)}; expected a JSON object of tensors`);
  }
  const duplicate = findDuplicateKey(text);
  if (duplicate) {
    fail(`${where}: the header names ${duplicate.path ? `key '${duplicate.key}' of '${duplicate.path}'` : `tensor '${duplicate.key}'`} twice; expected each key once`, { key: duplicate.key });
  }
  return header as Record<string, unknown>;
}

function readMetadata(value: unknown, where: string): Record<string, string> {
  if (value === undefined) return {};
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return fail(`${where}: __metadata__ is ${JSON.stringify(value)}; expected an object of string values`);
  }
  const metadata: Record<string, string> = {};
  for (const [k, v] of Object.entries(value)) {
    if (typeof v !== 'string') fail(`${where}: __metadata__ '${k}' is ${JSON.stringify(v)}; expected a string`);
    metadata[k] = v as string;
  }
  return metadata;
}

const isIndex = (x: unknown): x is number => typeof x === 'number' && Number.isSafeInteger(x) && x >= 0;

function readEntry(name: string, info: unknown, where: string): Entry {
  if (typeof info !== 'object' || info === null || Array.isArray(info)) {
    return fail(`${where}: entry is ${JSON.stringify(info)}; expected { dtype, shape, data_offsets }`, { tensor: name });
  }
  const { dtype, shape, data_offsets: offsets, ...rest } = info as Record<string, unknown>;
  const extra = Object.keys(rest);
  if (extra.length > 0) fail(`${where}: unexpected field(s) ${extra.map((k) => `'${k}'`).join(', ')}; expected only dtype, shape, data_offsets`, { tensor: name });
  if (typeof dtype !== 'string') fail(`${where}: dtype is ${JSON.stringify(dtype)}; expected a string such as 'F32'`, { tensor: name });
  const { dtype: readAs, bytes: bytesPerElement } = readableDType(dtype as string, where);
  if (!Array.isArray(shape) || !shape.every(isIndex)) {
    fail(`${where}: shape is ${JSON.stringify(shape)}; expected an array of non-negative integers`, { tensor: name });
  }
  if (!Array.isArray(offsets) || offsets.length !== 2 || !offsets.every(isIndex)) {
    fail(`${where}: data_offsets is ${JSON.stringify(offsets)}; expected [begin, end], two non-negative integers`, { tensor: name });
  }
  const [begin, end] = offsets as [number, number];
  if (end < begin) fail(`${where}: data_offsets [${begin}, ${end}] end before they begin; expected begin <= end`, { tensor: name });
  const dims = shape as number[];
  const elements = dims.reduce((a, b) => a * b, 1);
  const expectedBytes = elements * bytesPerElement;
  if (!Number.isSafeInteger(expectedBytes) || end - begin !== expectedBytes) {
    fail(`${where}: data_offsets [${begin}, ${end}] hold ${end - begin} bytes; expected ${expectedBytes} (shape [${dims.join(', ')}] = ${elements} elements × ${bytesPerElement} bytes of ${dtype as string})`, { tensor: name });
  }
  return { name, stored: dtype as SafetensorsDType, shape: dims, begin, end, dtype: readAs };
}

/**
 * The tensors must tile the data section exactly, as the reference implementation requires:
 * sorted by offset, each begins where the previous ends, the first at 0, the last at its end.
 */
function checkLayout(entries: Entry[], dataLength: number, where: string): void {
  for (const e of entries) {
    if (e.end > dataLength) {
      fail(`${where}: tensor '${e.name}': data_offsets [${e.begin}, ${e.end}] run past the ${dataLength}-byte data section; expected end <= ${dataLength} — the file is truncated`, { tensor: e.name });
    }
  }
  entries.sort((a, b) => a.begin - b.begin || a.end - b.end);
  let at = 0;
  let previous: Entry | undefined;
  for (const e of entries) {
    if (e.begin < at) {
      fail(`${where}: tensor '${e.name}' (bytes [${e.begin}, ${e.end}]) overlaps tensor '${previous!.name}' (bytes [${previous!.begin}, ${previous!.end}]); expected it to begin at ${at}`, { tensor: e.name });
    }
    if (e.begin > at) {
      fail(`${where}: tensor '${e.name}' begins at byte ${e.begin}, leaving a gap of ${e.begin - at} bytes after ${previous ? `tensor '${previous.name}'` : 'the header'}; expected it to begin at ${at}`, { tensor: e.name });
    }
    at = e.end;
    previous = e;
  }
  if (at !== dataLength) {
    fail(`${where}: the tensors cover ${at} bytes of the ${dataLength}-byte data section; expected them to cover it exactly (${dataLength - at} trailing bytes)`);
  }
}
