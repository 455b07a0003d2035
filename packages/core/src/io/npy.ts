import { readFile } from 'node:fs/promises';
import { CnnkitError } from '../errors';
import { dtypeOfArray } from '../tensor/dtype';
import { assertValidShape, formatShape, sizeOf } from '../tensor/shape';
import type { TensorValue } from '../tensor/tensor';
import { writeFileAtomic } from './atomic-write';
import { decodeNpyData, encodeNpyData, npyElementType } from './npy-dtypes';
import { formatNpyHeader, parseNpyHeader } from './npy-header';

const MAGIC = [0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59]; // \x93NUMPY
/** NumPy aligns the data to 64 bytes (magic, version, header length and header together). */
const ALIGN = 64;

/**
 * Reads a NumPy .npy array (format versions 1.0, 2.0 and 3.0). Float kinds become float32 and
 * integer and bool kinds int32 (see NPY_READABLE_TEXT; out-of-range values are errors); both
 * byte orders are read. C order only: a Fortran-ordered array whose layout differs from C order
 * is refused (save np.ascontiguousarray(a)). The bytes must hold exactly the array. `source`
 * (a file name) is named in every error.
 */
export function parseNpy(bytes: Uint8Array, source = '.npy data'): TensorValue {
  const fail = (what: string, details: Record<string, unknown> = {}): CnnkitError => new CnnkitError('IO', `${source}: ${what}`, { file: source, ...details });
  if (bytes.length < 10 || MAGIC.some((b, i) => bytes[i] !== b)) {
    const head = [...bytes.subarray(0, 6)].map((b) => b.toString(16).padStart(2, '0')).join(' ');
    throw fail(`is not a .npy file: it starts with bytes [${head}] (${bytes.length} bytes in all); expected the magic \\x93NUMPY (93 4e 55 4d 50 59) and a version`);
  }
  const major = bytes[6]!;
  const minor = bytes[7]!;
  if (major < 1 || major > 3 || minor !== 0) throw fail(`has .npy format version ${major}.${minor}; expected 1.0, 2.0 or 3.0`);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const lengthBytes = major === 1 ? 2 : 4;
  if (bytes.length < 8 + lengthBytes) throw fail(`is truncated inside its preamble (${bytes.length} bytes); expected at least ${8 + lengthBytes}`);
  const headerLength = major === 1 ? view.getUint16(8, true) : view.getUint32(8, true);
  const dataOffset = 8 + lengthBytes + headerLength;
  if (bytes.length < dataOffset) throw fail(`is truncated inside its header: the header claims ${headerLength} bytes but the file has ${bytes.length - 8 - lengthBytes} after the preamble`);
  const headerBytes = bytes.subarray(8 + lengthBytes, dataOffset);
  const text = new TextDecoder(major === 3 ? 'utf-8' : 'latin1').decode(headerBytes);
  const header = parseNpyHeader(text, source);
  const type = npyElementType(header.descr, source);
  const shape = header.shape;
  if (header.fortranOrder && shape.filter((d) => d > 1).length > 1) {
    throw fail(`holds a Fortran-ordered array (fortran_order: True, shape ${formatShape(shape)}); expected C order: save np.ascontiguousarray(a)`);
  }
  const count = sizeOf(shape);
  const expected = count * type.itemSize;
  const available = bytes.length - dataOffset;
  if (available < expected) {
    throw fail(`is truncated: its header says '${header.descr}' ${formatShape(shape)}, ${expected} bytes of data, but ${available} follow the header`);
  }
  if (available > expected) {
    throw fail(`has ${available - expected} bytes after its '${header.descr}' ${formatShape(shape)} array (${expected} bytes); expected the file to end with the array (one array per .npy file)`);
  }
  return { dtype: type.dtype, shape, data: decodeNpyData(type, bytes.subarray(dataOffset), count, source) };
}

/**
 * A .npy file of a float32 ('<f4') or int32 ('<i4') tensor value, C order, format version 1.0
 * (2.0 only if the header would pass 64 KiB), the data aligned to 64 bytes as NumPy writes it.
 */
export function serializeNpy(value: TensorValue, target = '.npy data'): Uint8Array {
  const where = `serializeNpy(${target})`;
  assertValidShape(value.shape, where);
  const actual = dtypeOfArray(value.data);
  if (actual !== value.dtype) throw new CnnkitError('DTYPE_MISMATCH', `${where}: value says ${value.dtype} but holds ${actual} data; expected them to agree`);
  if (value.data.length !== sizeOf(value.shape)) {
    throw new CnnkitError('SHAPE_MISMATCH', `${where}: ${value.data.length} values for shape ${formatShape(value.shape)}; expected ${sizeOf(value.shape)}`);
  }
  const dict = formatNpyHeader({ descr: value.dtype === 'float32' ? '<f4' : '<i4', fortranOrder: false, shape: [...value.shape] });
  const major = dict.length + 1 + 10 > 0xffff ? 2 : 1;
  const preamble = major === 1 ? 10 : 12;
  const padded = Math.ceil((preamble + dict.length + 1) / ALIGN) * ALIGN - preamble;
  const header = `${dict}${' '.repeat(padded - dict.length - 1)}\n`;
  const data = encodeNpyData(value.data);
  const out = new Uint8Array(preamble + padded + data.length);
  out.set(MAGIC, 0);
  out[6] = major;
  out[7] = 0;
  const view = new DataView(out.buffer);
  if (major === 1) view.setUint16(8, padded, true);
  else view.setUint32(8, padded, true);
  for (let i = 0; i < header.length; i++) out[preamble + i] = header.charCodeAt(i); // ASCII
  out.set(data, preamble + padded);
  return out;
}

/** Reads a .npy file (see parseNpy). */
export async function readNpy(file: string): Promise<TensorValue> {
  let bytes: Uint8Array;
  try {
    bytes = await readFile(file);
  } catch (error) {
    throw new CnnkitError('IO', `cannot read .npy file '${file}': ${(error as Error).message}`, { file }, { cause: error });
  }
  return parseNpy(bytes, `.npy file '${file}'`);
}

/** Writes a .npy file atomically: a reader sees the old file or the whole new one. */
export async function writeNpy(file: string, value: TensorValue): Promise<void> {
  await writeFileAtomic(file, serializeNpy(value, `.npy file '${file}'`));
}
