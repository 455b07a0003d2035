import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { isCnnkitError } from '@cnnkit/core';
import { describe, expect, it } from 'vitest';
import { codecJson, pythonJson } from '../../test/proto-json';
import { decodeModel, decodeTensor } from './decode';
import { DATA_TYPE } from './enums';
import { encodeModel } from './encode';
import { tensorFromProto, tensorProtoNumbers } from './tensor-value';
import { textOf } from './builders';

// fixtures/codec-fixture.onnx and .json are written by fixtures/make_codec_fixture.py with
// Python's onnx 1.12: the .json is protobuf's own MessageToDict of the same model.
const here = path.dirname(fileURLToPath(import.meta.url));
const bytes = new Uint8Array(readFileSync(path.join(here, 'fixtures', 'codec-fixture.onnx')));
const python = JSON.parse(readFileSync(path.join(here, 'fixtures', 'codec-fixture.json'), 'utf8')) as Record<string, unknown>;

describe('decodeModel on a model written by Python onnx', () => {
  const model = decodeModel(bytes, 'codec-fixture.onnx');

  it("reads every field of the codec's subset as protobuf's MessageToDict does (functions, sparse initializers, training_info, type-proto attributes skipped)", () => {
    expect(codecJson(model)).toEqual(pythonJson(python));
  });

  it('reads the header, opsets and metadata', () => {
    expect(model).toMatchObject({
      irVersion: 8, producerName: 'make_codec_fixture.py', producerVersion: '1.0', domain: 'org.cnnkit.fixture', modelVersion: 42, docString: 'model doc',
      opsetImport: [{ domain: '', version: 17 }, { domain: 'com.cnnkit.test', version: 1 }],
    });
    expect(model.metadataProps).toEqual(expect.arrayContaining([{ key: 'license', value: 'MIT' }, { key: 'author', value: 'cnnkit' }]));
  });

  it('reads dim_param, dim_value and unknown dimensions', () => {
    const x = model.graph!.input[0]!;
    expect(x.name).toBe('x');
    expect(x.type!.tensorType!.elemType).toBe(DATA_TYPE.FLOAT);
    expect(x.type!.tensorType!.shape!.dim).toEqual([
      { dimParam: 'N', denotation: '' }, { dimValue: 3, denotation: 'DATA_CHANNEL' }, { denotation: '' }, { dimValue: 4, denotation: '' },
    ]);
    expect(model.graph!.output[0]!.type!.tensorType!.shape).toBeUndefined(); // rank unknown
    expect(model.graph!.output[1]!.type!.tensorType!.shape).toEqual({ dim: [] }); // a scalar
  });

  it('reads attributes of every kind; INT64_MAX as Infinity', () => {
    const node = model.graph!.node[0]!;
    const byName = Object.fromEntries(node.attribute.map((a) => [a.name, a]));
    expect(node).toMatchObject({ opType: 'Everything', domain: 'com.cnnkit.test', name: 'custom_node', input: ['x', 'w_raw', ''], output: ['y', 'y_aux'] });
    expect(byName.f!.f).toBe(0.25);
    expect(byName.i!.i).toBe(-3);
    expect(byName.big!.i).toBe(Infinity);
    expect(textOf(byName.s!.s)).toBe('SAME_UPPER');
    expect(byName.floats!.floats).toEqual([1, -0.5]);
    expect(byName.ints!.ints).toEqual([1, -2, 3]);
    expect(byName.strings!.strings.map(textOf)).toEqual(['a', 'bc']);
    expect(byName.t!.t!.name).toBe('w_raw');
    expect(byName.g!.g!.node[0]!.opType).toBe('Identity');
    expect(byName.graphs!.graphs).toHaveLength(1);
    expect(byName.tensors!.tensors.map((t) => t.name)).toEqual(['b_float_data', 'int64_raw']);
    expect(byName.ref).toMatchObject({ refAttrName: 'outer', type: 2 });
    expect(byName.tp).toMatchObject({ type: 13 }); // its tp field itself is skipped
  });

  it('reads tensor data from raw_data and from every typed field', () => {
    const init = Object.fromEntries(model.graph!.initializer.map((t) => [t.name, t]));
    // w_raw = arange(6) / 4 - 0.5
    expect(tensorFromProto(init.w_raw!)).toEqual({ dtype: 'float32', shape: [2, 3], data: Float32Array.from([-0.5, -0.25, 0, 0.25, 0.5, 0.75]) });
    expect(tensorFromProto(init.b_float_data!).data).toEqual(Float32Array.from([0.1, -2.5, Infinity]));
    expect(tensorProtoNumbers(init.shape_int64!)).toEqual([0, -1, Infinity, -Infinity]);
    expect(tensorFromProto(init.ints_int32!)).toEqual({ dtype: 'int32', shape: [2, 2], data: Int32Array.from([-1, 2, -2147483648, 2147483647]) });
    expect(tensorProtoNumbers(init.doubles!)).toEqual([1.5, -1e-300]);
    expect(tensorProtoNumbers(init.uint64s!)).toEqual([7, 2 ** 53 - 1]);
    expect(tensorFromProto(init.halves!).data).toEqual(Float32Array.from([1, -2, 65504]));
    expect(tensorFromProto(init.bools_raw!)).toEqual({ dtype: 'int32', shape: [3], data: Int32Array.from([1, 0, 1]) });
    expect(tensorFromProto(init.int64_raw!)).toEqual({ dtype: 'int32', shape: [1, 2], data: Int32Array.from([3, -4]) });
    expect(tensorFromProto(init.scalar!)).toEqual({ dtype: 'float32', shape: [], data: Float32Array.from([2]) });
    expect(init.strings!.stringData.map(textOf)).toEqual(['ab', 'cé']);
  });

  it('refuses what cnnkit cannot hold, naming the tensor', () => {
    const init = Object.fromEntries(model.graph!.initializer.map((t) => [t.name, t]));
    expect(() => tensorFromProto(init.shape_int64!, 'codec-fixture.onnx')).toThrow(/codec-fixture\.onnx tensor 'shape_int64': INT64 element 2 is Infinity, outside int32/);
    expect(() => tensorFromProto(init.strings!, 'm.onnx')).toThrow(/m\.onnx tensor 'strings': data type STRING is not read by cnnkit/);
    expect(() => tensorFromProto(init.doubles!)).not.toThrow();
  });

  it('survives encode → decode unchanged', () => {
    const again = decodeModel(encodeModel(model));
    expect(codecJson(again)).toEqual(codecJson(model));
  });
});

describe('wire-level decoding (hand-made bytes)', () => {
  // TensorProto { dims: 2, 3 } as onnx.proto declares it (unpacked: tag 0x08 per value) and packed
  // (tag 0x0a, length 2, then the varints): decoders must accept both.
  it('accepts repeated scalars packed and unpacked, even mixed', () => {
    expect(decodeTensor(Uint8Array.from([0x08, 2, 0x08, 3])).dims).toEqual([2, 3]);
    expect(decodeTensor(Uint8Array.from([0x0a, 2, 2, 3])).dims).toEqual([2, 3]);
    expect(decodeTensor(Uint8Array.from([0x0a, 1, 2, 0x08, 3])).dims).toEqual([2, 3]);
    // float_data (4) unpacked: tag 4<<3|5 = 0x25 and 1.0f = 00 00 80 3f, then -2.0f = 00 00 00 c0.
    expect(decodeTensor(Uint8Array.from([0x25, 0, 0, 0x80, 0x3f, 0x25, 0, 0, 0, 0xc0])).floatData).toEqual(Float32Array.from([1, -2]));
    // int32_data (5) packed, -1 sign-extended to ten bytes: 0x2a, length 11, 0x05, ff×9 01.
    expect(decodeTensor(Uint8Array.from([0x2a, 11, 5, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x01])).int32Data).toEqual(Int32Array.from([5, -1]));
    // double_data (10) unpacked: tag 10<<3|1 = 0x51, 1.5 = 00 00 00 00 00 00 f8 3f.
    expect(decodeTensor(Uint8Array.from([0x51, 0, 0, 0, 0, 0, 0, 0xf8, 0x3f])).doubleData).toEqual(Float64Array.from([1.5]));
  });

  it('reads multi-byte varints: 300 = ac 02, and int64 -2 as ten bytes', () => {
    expect(decodeTensor(Uint8Array.from([0x08, 0xac, 0x02])).dims).toEqual([300]);
    // int64_data (7) unpacked, tag 0x38: -2 = fe ff ff ff ff ff ff ff ff 01.
    expect(decodeTensor(Uint8Array.from([0x38, 0xfe, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x01])).int64Data).toEqual([-2]);
    // 2^53 - 1 = 0x1fffffffffffff: seven bytes of ff then 0x0f.
    expect(decodeTensor(Uint8Array.from([0x38, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x0f])).int64Data).toEqual([2 ** 53 - 1]);
  });

  it('skips unknown fields of every wire type, groups included', () => {
    const unknown = [
      0xc0, 0x06, 0x96, 0x01, // field 104 varint 150
      0xc9, 0x06, 1, 2, 3, 4, 5, 6, 7, 8, // field 105 fixed64
      0xd2, 0x06, 3, 0x61, 0x62, 0x63, // field 106 bytes 'abc'
      0xdd, 0x06, 1, 2, 3, 4, // field 107 fixed32
      0xe3, 0x06, 0x08, 0x01, 0xe4, 0x06, // field 108 start group { field 1 varint 1 } end group
    ];
    const t = decodeTensor(Uint8Array.from([...unknown, 0x08, 7, 0x42, 1, 0x71]));
    expect(t.dims).toEqual([7]);
    expect(t.name).toBe('q');
  });

  it('throws CnnkitError IO on truncated or malformed bytes, naming the source', () => {
    const cases: [number[], RegExp][] = [
      [[0x08], /t\.pb: TensorProto: truncated varint/],
      [[0x42, 5, 0x61], /truncated: 5 more bytes needed, 1 left/],
      [[0x0a, 1, 0x80], /truncated varint/],
      [[0x10, 0x01, 0x7f], /unknown wire type 7/],
      [[0x42, 2, 0xff, 0xfe], /field name is not valid UTF-8/],
      [[0x00], /invalid field tag 0/],
      [[0x12, 1, 1], /field data_type has wire type 2; expected 0/],
      // dims = 2^60: outside the safe range and not a sentinel.
      [[0x08, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x10], /the 64-bit integer 1152921504606846976 is outside JavaScript's safe range/],
    ];
    for (const [b, message] of cases) {
      let error: unknown;
      try {
        decodeTensor(Uint8Array.from(b), 't.pb');
      } catch (e) {
        error = e;
      }
      expect(isCnnkitError(error, 'IO'), `bytes ${b.join(' ')}`).toBe(true);
      expect((error as Error).message).toMatch(message);
    }
  });
});
