import { describe, expect, it } from 'vitest';
import { CnnkitError } from '../../errors';
import { parseSafetensors } from './parse';
import { serializeSafetensors } from './serialize';

/** A file from a header (object or raw text) and data bytes, laid out by hand. */
function file(header: unknown, data: ArrayLike<number> = [], headerLength?: number): Uint8Array {
  const json = new TextEncoder().encode(typeof header === 'string' ? header : JSON.stringify(header));
  const out = new Uint8Array(8 + json.length + data.length);
  new DataView(out.buffer).setBigUint64(0, BigInt(headerLength ?? json.length), true);
  out.set(json, 8);
  out.set(data, 8 + json.length);
  return out;
}

const le = (array: Float32Array | Int32Array | Float64Array | BigInt64Array | Uint16Array): number[] => Array.from(new Uint8Array(array.buffer));

function errorOf(bytes: Uint8Array): CnnkitError {
  try {
    parseSafetensors(bytes, 'w.safetensors');
  } catch (e) {
    if (e instanceof CnnkitError) return e;
    throw e;
  }
  throw new Error('expected parseSafetensors to throw');
}

const f32 = (name: string, shape: number[], begin: number, end: number): Record<string, unknown> => ({ [name]: { dtype: 'F32', shape, data_offsets: [begin, end] } });

describe('parseSafetensors reads', () => {
  it('F32 and I32 tensors and metadata, in file order whatever the header order', () => {
    const data = [...le(Int32Array.of(7, -8)), ...le(Float32Array.of(1.5, -2, 0.25))];
    const header = { b: { dtype: 'F32', shape: [3], data_offsets: [8, 20] }, __metadata__: { format: 'pt' }, a: { dtype: 'I32', shape: [1, 2], data_offsets: [0, 8] } };
    const { tensors, metadata } = parseSafetensors(file(header, data), 'x');
    expect([...tensors.keys()]).toEqual(['a', 'b']);
    expect(tensors.get('a')).toEqual({ dtype: 'int32', shape: [1, 2], data: Int32Array.of(7, -8) });
    expect(tensors.get('b')).toEqual({ dtype: 'float32', shape: [3], data: Float32Array.of(1.5, -2, 0.25) });
    expect(metadata).toEqual({ format: 'pt' });
  });

  it('converts F64 / F16 / BF16 to float32 and I64 to int32', () => {
    // F16 0x3c00 = 1, 0xc000 = -2, 0x0001 = 2^-24 (smallest subnormal), 0x7c00 = +inf
    // BF16 0x3fc0 = 1.5 (upper half of float32 0x3fc00000), 0xc2f7 = -123.5 (0xc2f70000)
    const f64 = le(Float64Array.of(0.1, -3));
    const f16 = le(Uint16Array.of(0x3c00, 0xc000, 0x0001, 0x7c00));
    const bf16 = le(Uint16Array.of(0x3fc0, 0xc2f7));
    const i64 = le(BigInt64Array.of(5n, -2147483648n));
    const data = [...f64, ...f16, ...bf16, ...i64];
    const header = {
      d: { dtype: 'F64', shape: [2], data_offsets: [0, 16] },
      h: { dtype: 'F16', shape: [4], data_offsets: [16, 24] },
      b: { dtype: 'BF16', shape: [2], data_offsets: [24, 28] },
      n: { dtype: 'I64', shape: [2], data_offsets: [28, 44] },
    };
    const { tensors } = parseSafetensors(file(header, data), 'x');
    expect(tensors.get('d')!.data).toEqual(Float32Array.of(Math.fround(0.1), -3));
    expect(tensors.get('h')!.data).toEqual(Float32Array.of(1, -2, 2 ** -24, Infinity));
    expect(tensors.get('b')!.data).toEqual(Float32Array.of(1.5, -123.5));
    expect(tensors.get('n')).toEqual({ dtype: 'int32', shape: [2], data: Int32Array.of(5, -2147483648) });
  });

  it('copies out of a Node Buffer at any offset (not a view into its pool)', () => {
    const bytes = file(f32('w', [2], 0, 8), le(Float32Array.of(3, -4)));
    const pooled = Buffer.alloc(bytes.length + 3, 0xee).subarray(3);
    pooled.set(bytes);
    const w = parseSafetensors(pooled, 'x').tensors.get('w')!;
    expect(w.data).toEqual(Float32Array.of(3, -4));
    expect(w.data.buffer.byteLength).toBe(8);
  });

  it('zero-size tensors and scalars', () => {
    const header = { e: { dtype: 'F32', shape: [0, 3], data_offsets: [0, 0] }, s: { dtype: 'I64', shape: [], data_offsets: [0, 8] } };
    const { tensors } = parseSafetensors(file(header, le(BigInt64Array.of(3n))), 'x');
    expect(tensors.get('e')!.data.length).toBe(0);
    expect(tensors.get('s')).toEqual({ dtype: 'int32', shape: [], data: Int32Array.of(3) });
  });
});

describe('parseSafetensors rejects, naming the file, the tensor, what it found and what it expected', () => {
  const cases: [string, Uint8Array, RegExp][] = [
    ['a file shorter than 8 bytes', Uint8Array.of(1, 2, 3), /'w.safetensors': 3 bytes; expected at least 8/],
    ['a header length beyond the file', file(f32('w', [1], 0, 4), le(Float32Array.of(1)), 1000), /header length 1000 bytes runs past the end of the \d+-byte file; expected at most \d+/],
    ['a header that is not JSON', file('{"w": {"dtype": "F32",', []), /the header is not valid JSON .*expected a JSON object/],
    ['a header that is not an object', file('[1, 2]'), /the header is an array; expected a JSON object of tensors/],
    ['a header that is not UTF-8', file('{"ab": 1}').map((b, i) => (i === 10 ? 0xff : b)), /not valid UTF-8/],
    ['an unknown dtype', file({ w: { dtype: 'F33', shape: [1], data_offsets: [0, 4] } }, [0, 0, 0, 0]), /tensor 'w': unknown dtype 'F33'; expected a safetensors dtype/],
    ['a dtype cnnkit does not read', file({ m: { dtype: 'BOOL', shape: [4], data_offsets: [0, 4] } }, [0, 1, 0, 1]), /tensor 'm': dtype 'BOOL' is not read by cnnkit; it reads F32, I32, F64/],
    ['shape × dtype ≠ the byte length', file(f32('w', [2, 2], 0, 12), new Array(12).fill(0)), /tensor 'w': data_offsets \[0, 12\] hold 12 bytes; expected 16 \(shape \[2, 2\] = 4 elements × 4 bytes of F32\)/],
    ['overlapping tensors', file({ ...f32('a', [2], 0, 8), ...f32('b', [2], 4, 12) }, new Array(12).fill(0)), /tensor 'b' \(bytes \[4, 12\]\) overlaps tensor 'a' \(bytes \[0, 8\]\); expected it to begin at 8/],
    ['a gap between tensors', file({ ...f32('a', [1], 0, 4), ...f32('b', [1], 8, 12) }, new Array(12).fill(0)), /tensor 'b' begins at byte 8, leaving a gap of 4 bytes after tensor 'a'; expected it to begin at 4/],
    ['a gap before the first tensor', file(f32('a', [1], 4, 8), new Array(8).fill(0)), /tensor 'a' begins at byte 4, leaving a gap of 4 bytes after the header/],
    ['offsets that end before they begin', file(f32('a', [0], 4, 0), new Array(4).fill(0)), /tensor 'a': data_offsets \[4, 0\] end before they begin; expected begin <= end/],
    ['offsets beyond the data section (truncated data)', file(f32('a', [4], 0, 16), new Array(8).fill(0)), /tensor 'a': data_offsets \[0, 16\] run past the 8-byte data section; expected end <= 8/],
    ['bytes after the last tensor', file(f32('a', [1], 0, 4), new Array(6).fill(0)), /the tensors cover 4 bytes of the 6-byte data section; expected them to cover it exactly \(2 trailing bytes\)/],
    ['a tensor named twice', file('{"a": {"dtype": "F32", "shape": [1], "data_offsets": [0, 4]}, "a": {"dtype": "F32", "shape": [1], "data_offsets": [0, 4]}}', [0, 0, 0, 0]), /the header names tensor 'a' twice; expected each key once/],
    ['a field named twice in one entry', file('{"a": {"dtype": "F32", "shape": [1], "shape": [1], "data_offsets": [0, 4]}}', [0, 0, 0, 0]), /names key 'shape' of 'a' twice/],
    ['a non-string metadata value', file({ __metadata__: { epoch: 3 } }), /__metadata__ 'epoch' is 3; expected a string/],
    ['an unexpected field', file({ a: { dtype: 'F32', shape: [1], data_offsets: [0, 4], strides: [1] } }, [0, 0, 0, 0]), /tensor 'a': unexpected field\(s\) 'strides'/],
    ['a negative or fractional dim', file({ a: { dtype: 'F32', shape: [1.5], data_offsets: [0, 4] } }, [0, 0, 0, 0]), /tensor 'a': shape is \[1.5\]; expected an array of non-negative integers/],
    ['bad data_offsets', file({ a: { dtype: 'F32', shape: [1], data_offsets: [0] } }, [0, 0, 0, 0]), /tensor 'a': data_offsets is \[0\]; expected \[begin, end\]/],
    ['an I64 value outside int32', file({ n: { dtype: 'I64', shape: [2], data_offsets: [0, 16] } }, le(BigInt64Array.of(1n, 2147483648n))), /tensor 'n': I64 element 1 is 2147483648, outside int32/],
    ['an F64 value that overflows float32', file({ d: { dtype: 'F64', shape: [1], data_offsets: [0, 8] } }, le(Float64Array.of(1e300))), /tensor 'd': F64 element 0 is 1e\+300, which overflows float32/],
  ];

  it.each(cases)('%s', (_, bytes, message) => {
    const error = errorOf(bytes);
    expect(error.code).toBe('IO');
    expect(error.message).toContain("safetensors file 'w.safetensors'");
    expect(error.message).toMatch(message);
  });
});

describe('serializeSafetensors', () => {
  const tensors = new Map([
    ['conv.weight', { dtype: 'float32' as const, shape: [2, 1, 1, 1], data: Float32Array.of(0.5, -1) }],
    ['bn.num_batches_tracked', { dtype: 'int32' as const, shape: [], data: Int32Array.of(12) }],
  ]);

  it('round-trips tensors, order and metadata through parse', () => {
    const back = parseSafetensors(serializeSafetensors(tensors, { note: 'hi' }), 'x');
    expect([...back.tensors.entries()]).toEqual([...tensors.entries()]);
    expect(back.metadata).toEqual({ note: 'hi' });
  });

  it('lays the file out as the format says: u64 header length (multiple of 8), JSON, packed data', () => {
    const bytes = serializeSafetensors(tensors);
    const n = Number(new DataView(bytes.buffer).getBigUint64(0, true));
    expect(n % 8).toBe(0);
    const header = JSON.parse(new TextDecoder().decode(bytes.subarray(8, 8 + n))) as Record<string, unknown>;
    expect(header).toEqual({
      'conv.weight': { dtype: 'F32', shape: [2, 1, 1, 1], data_offsets: [0, 8] },
      'bn.num_batches_tracked': { dtype: 'I32', shape: [], data_offsets: [8, 12] },
    });
    expect(bytes.length).toBe(8 + n + 12);
    expect(Array.from(bytes.subarray(8 + n + 8))).toEqual([12, 0, 0, 0]);
  });

  it('rejects a tensor named __metadata__ and data that disagrees with its shape', () => {
    expect(() => serializeSafetensors({ __metadata__: { dtype: 'float32', shape: [1], data: Float32Array.of(1) } })).toThrow(/reserves it/);
    expect(() => serializeSafetensors({ w: { dtype: 'float32', shape: [3], data: Float32Array.of(1) } }, {}, 'f.safetensors')).toThrow(/writing f.safetensors: tensor 'w' is declared float32 \[3\] \(3 values\) but holds 1 float32 values/);
  });
});
