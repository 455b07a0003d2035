import { CnnkitError } from '@cnnkit/core';
import { int64FromHalves } from './int64';

/** Protocol-buffer wire types. */
export const WIRE = { VARINT: 0, I64: 1, LEN: 2, SGROUP: 3, EGROUP: 4, I32: 5 } as const;

const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Reads the protobuf wire format over one byte range. Messages nest as readers over sub-ranges
 * that share the bytes (no copies); `bytes()` returns views into the input.
 * `where` names the file and message for errors ('model.onnx: GraphProto.node[3]').
 */
export class WireReader {
  readonly where: string;
  readonly end: number;
  pos: number;
  readonly #bytes: Uint8Array;
  readonly #view: DataView;
  // The halves of the last varint read, kept as fields so the hot path allocates nothing.
  #lo = 0;
  #hi = 0;

  constructor(bytes: Uint8Array, where: string, start = 0, end = bytes.length) {
    this.#bytes = bytes;
    this.#view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    this.where = where;
    this.pos = start;
    this.end = end;
  }

  get done(): boolean {
    return this.pos >= this.end;
  }

  error(message: string): CnnkitError {
    return new CnnkitError('IO', `${this.where}: ${message} (at byte ${this.pos}); expected a valid ONNX protobuf`, { offset: this.pos });
  }

  /** The next field's tag: field number << 3 | wire type. */
  tag(): number {
    this.#varint();
    const tag = this.#lo >>> 0;
    if (this.#hi !== 0 || tag >>> 3 === 0) throw this.error(`invalid field tag ${tag}`);
    return tag;
  }

  /** An int32 / enum / bool varint (negative int32s are sign-extended to ten bytes on the wire). */
  int32(): number {
    this.#varint();
    return this.#lo | 0;
  }

  /** A length or other uint32 varint. */
  uint32(): number {
    this.#varint();
    if (this.#hi !== 0) throw this.error('a length larger than 2^32');
    return this.#lo >>> 0;
  }

  int64(field: string): number {
    this.#varint();
    return int64FromHalves(this.#lo, this.#hi, true, `${this.where}.${field}`);
  }

  uint64(field: string): number {
    this.#varint();
    return int64FromHalves(this.#lo, this.#hi, false, `${this.where}.${field}`);
  }

  float(): number {
    this.#need(4);
    const v = this.#view.getFloat32(this.pos, true);
    this.pos += 4;
    return v;
  }

  double(): number {
    this.#need(8);
    const v = this.#view.getFloat64(this.pos, true);
    this.pos += 8;
    return v;
  }

  /** A length-delimited field's bytes, as a view into the input. */
  bytes(): Uint8Array {
    const length = this.uint32();
    this.#need(length);
    const start = this.pos;
    this.pos += length;
    return this.#bytes.subarray(start, this.pos);
  }

  string(field: string): string {
    const b = this.bytes();
    try {
      return utf8.decode(b);
    } catch {
      throw this.error(`field ${field} is not valid UTF-8`);
    }
  }

  /** A reader over the embedded message that comes next, advancing past it. */
  message(where: string): WireReader {
    const length = this.uint32();
    this.#need(length);
    const start = this.pos;
    this.pos += length;
    return new WireReader(this.#bytes, where, start, this.pos);
  }

  /**
   * Reads a repeated scalar field's value(s) for one tag: a packed run when the wire type is
   * LEN, otherwise one value; decoders must accept both, whatever the .proto says.
   */
  repeated(wire: number, scalarWire: number, read: () => void): void {
    if (wire === WIRE.LEN && scalarWire !== WIRE.LEN) {
      const length = this.uint32();
      this.#need(length);
      const stop = this.pos + length;
      while (this.pos < stop) read();
      if (this.pos !== stop) throw this.error('a packed field whose last value runs past its length');
      return;
    }
    if (wire !== scalarWire) throw this.error(`wire type ${wire} for a repeated field of wire type ${scalarWire}`);
    read();
  }

  /** Skips a field this codec does not read (fields of newer onnx.proto versions, unused ones). */
  skip(wire: number): void {
    switch (wire) {
      case WIRE.VARINT:
        this.#varint();
        return;
      case WIRE.I64:
        this.#need(8);
        this.pos += 8;
        return;
      case WIRE.LEN: {
        const length = this.uint32();
        this.#need(length);
        this.pos += length;
        return;
      }
      case WIRE.I32:
        this.#need(4);
        this.pos += 4;
        return;
      case WIRE.SGROUP:
        // Deprecated groups: skip fields up to the matching end-group tag.
        for (;;) {
          if (this.done) throw this.error('an unterminated group');
          const tag = this.tag();
          if ((tag & 7) === WIRE.EGROUP) return;
          this.skip(tag & 7);
        }
      default:
        throw this.error(`unknown wire type ${wire}`);
    }
  }

  /** Checks that a field arrived with the wire type its type needs. */
  expect(wire: number, expected: number, field: string): void {
    if (wire !== expected) throw this.error(`field ${field} has wire type ${wire}; expected ${expected}`);
  }

  #need(n: number): void {
    if (this.pos + n > this.end) throw this.error(`truncated: ${n} more bytes needed, ${this.end - this.pos} left`);
  }

  #varint(): void {
    const bytes = this.#bytes;
    let lo = 0;
    let hi = 0;
    let b = 0;
    for (let shift = 0; shift < 28; shift += 7) {
      if (this.pos >= this.end) throw this.error('truncated varint');
      b = bytes[this.pos++]!;
      lo |= (b & 0x7f) << shift;
      if (b < 0x80) {
        this.#lo = lo;
        this.#hi = 0;
        return;
      }
    }
    if (this.pos >= this.end) throw this.error('truncated varint');
    b = bytes[this.pos++]!;
    lo |= (b & 0x7f) << 28;
    hi = (b & 0x7f) >> 4;
    for (let shift = 3; b >= 0x80; shift += 7) {
      if (shift > 31) throw this.error('a varint longer than ten bytes');
      if (this.pos >= this.end) throw this.error('truncated varint');
      b = bytes[this.pos++]!;
      hi |= (b & 0x7f) << shift;
    }
    this.#lo = lo;
    this.#hi = hi >>> 0;
  }
}
