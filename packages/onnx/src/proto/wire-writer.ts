import { CnnkitError } from '@cnnkit/core';
import { UINT64_MAX, int64ToBigInt } from './int64';
import { WIRE } from './wire-reader';

const utf8 = new TextEncoder();
/** Byte arrays at least this long are kept by reference until finish(): initializers are not copied per nesting level. */
const BIG_CHUNK = 4096;

/**
 * Writes the protobuf wire format. Output is a list of chunks: small scalars go into a growing
 * scratch buffer, large byte fields (raw_data) are referenced, and an embedded message is
 * written into a writer of its own whose chunks are adopted after its length prefix — so a
 * model's weights are copied once, by finish().
 */
export class WireWriter {
  readonly #chunks: Uint8Array[] = [];
  #buf = new Uint8Array(256);
  #view = new DataView(this.#buf.buffer);
  #pos = 0;
  #flushed = 0;

  /** Bytes written so far. */
  get length(): number {
    return this.#flushed + this.#pos;
  }

  tag(field: number, wire: number): void {
    this.#varint32((field << 3) | wire);
  }

  /** An int32 / enum / bool field; negative values take ten bytes, as protobuf writes them. */
  int32(field: number, value: number): void {
    this.tag(field, WIRE.VARINT);
    this.int32Value(value);
  }

  int32Value(value: number): void {
    if (value >= 0) this.#varint32(value);
    else this.#varint64(BigInt.asUintN(64, BigInt(value | 0)));
  }

  int64(field: number, value: number, where: string): void {
    this.tag(field, WIRE.VARINT);
    this.int64Value(value, where);
  }

  int64Value(value: number, where: string): void {
    if (value >= 0 && value <= 0xffffffff && Number.isInteger(value)) this.#varint32(value);
    else this.#varint64(BigInt.asUintN(64, int64ToBigInt(value, where)));
  }

  uint64Value(value: number, where: string): void {
    if (value === Infinity) this.#varint64(UINT64_MAX);
    else if (value < 0) throw new CnnkitError('INVALID_ARGUMENT', `${where}: ${value} is negative; expected a uint64 value`, { value });
    else this.int64Value(value, where);
  }

  float(field: number, value: number): void {
    this.tag(field, WIRE.I32);
    this.floatValue(value);
  }

  floatValue(value: number): void {
    this.#reserve(4);
    this.#view.setFloat32(this.#pos, value, true);
    this.#pos += 4;
  }

  doubleValue(value: number): void {
    this.#reserve(8);
    this.#view.setFloat64(this.#pos, value, true);
    this.#pos += 8;
  }

  bytes(field: number, value: Uint8Array): void {
    this.tag(field, WIRE.LEN);
    this.#varint32(value.length);
    this.#raw(value);
  }

  string(field: number, value: string): void {
    this.bytes(field, utf8.encode(value));
  }

  /** An embedded message (or a packed run) written by `write` into a writer of its own. */
  message(field: number, write: (w: WireWriter) => void): void {
    const child = new WireWriter();
    write(child);
    this.tag(field, WIRE.LEN);
    this.#varint32(child.length);
    child.#flush();
    for (const chunk of child.#chunks) this.#raw(chunk);
  }

  /** All bytes written, in one array. */
  finish(): Uint8Array {
    this.#flush();
    if (this.#chunks.length === 1) return this.#chunks[0]!;
    const out = new Uint8Array(this.#flushed);
    let at = 0;
    for (const chunk of this.#chunks) {
      out.set(chunk, at);
      at += chunk.length;
    }
    return out;
  }

  #raw(value: Uint8Array): void {
    if (value.length >= BIG_CHUNK) {
      this.#flush();
      this.#chunks.push(value);
      this.#flushed += value.length;
      return;
    }
    this.#reserve(value.length);
    this.#buf.set(value, this.#pos);
    this.#pos += value.length;
  }

  #flush(): void {
    if (this.#pos === 0) return;
    this.#chunks.push(this.#buf.subarray(0, this.#pos));
    this.#flushed += this.#pos;
    this.#buf = new Uint8Array(Math.max(256, this.#buf.length));
    this.#view = new DataView(this.#buf.buffer);
    this.#pos = 0;
  }

  #reserve(n: number): void {
    if (this.#pos + n <= this.#buf.length) return;
    if (this.#pos > 0 && n <= this.#buf.length) {
      this.#flush();
      return;
    }
    this.#flush();
    this.#buf = new Uint8Array(Math.max(n, this.#buf.length * 2));
    this.#view = new DataView(this.#buf.buffer);
  }

  #varint32(value: number): void {
    this.#reserve(5);
    let v = value >>> 0;
    while (v >= 0x80) {
      this.#buf[this.#pos++] = (v & 0x7f) | 0x80;
      v >>>= 7;
    }
    this.#buf[this.#pos++] = v;
  }

  #varint64(value: bigint): void {
    this.#reserve(10);
    let v = value;
    while (v >= 0x80n) {
      this.#buf[this.#pos++] = Number(v & 0x7fn) | 0x80;
      v >>= 7n;
    }
    this.#buf[this.#pos++] = Number(v);
  }
}
