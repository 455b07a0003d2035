import { CnnkitError } from '@cnnkit/core';

/** An IDX array (the MNIST file format): unsigned bytes, row-major, with its dimensions. */
export interface IdxArray {
  readonly shape: readonly number[];
  readonly data: Uint8Array;
}

const UNSIGNED_BYTE = 0x08;

/**
 * Parses an IDX file: magic 0x0000 | type | rank, then rank big-endian uint32 sizes, then data.
 * Only unsigned-byte IDX (what MNIST and Fashion-MNIST use) is accepted; `source` names the
 * file in errors.
 */
export function parseIdx(bytes: Uint8Array, source: string): IdxArray {
  if (bytes.byteLength < 4) throw new CnnkitError('IO', `${source}: ${bytes.byteLength} bytes is too short for an IDX header; expected at least 4`);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (view.getUint16(0) !== 0) throw new CnnkitError('IO', `${source}: magic starts with 0x${view.getUint16(0).toString(16)}; expected 0x0000 (not an IDX file)`);
  const type = view.getUint8(2);
  if (type !== UNSIGNED_BYTE) throw new CnnkitError('IO', `${source}: IDX element type 0x${type.toString(16)}; expected 0x08 (unsigned byte)`);
  const rank = view.getUint8(3);
  const headerBytes = 4 + 4 * rank;
  if (bytes.byteLength < headerBytes) throw new CnnkitError('IO', `${source}: truncated header (${bytes.byteLength} bytes); expected ${headerBytes} for rank ${rank}`);
  const shape: number[] = [];
  for (let i = 0; i < rank; i++) shape.push(view.getUint32(4 + 4 * i));
  const size = shape.reduce((a, b) => a * b, 1);
  if (bytes.byteLength !== headerBytes + size) {
    throw new CnnkitError('IO', `${source}: ${bytes.byteLength - headerBytes} data bytes; expected ${size} for shape [${shape.join(', ')}] (truncated or foreign file)`);
  }
  return { shape, data: bytes.subarray(headerBytes) };
}
