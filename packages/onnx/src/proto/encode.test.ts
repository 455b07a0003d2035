import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { isCnnkitError } from '@cnnkit/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkOnnx, type ModelReport, type TensorReport, pythonOnnxMissing } from '../../test/python-onnx';
import { codecJson, pythonJson } from '../../test/proto-json';
import { attr, makeGraph, makeModel, makeNode, makeOpset, makeTensor, makeValueInfo } from './builders';
import { decodeModel } from './decode';
import { DATA_TYPE } from './enums';
import { encodeModel, encodeNode, encodeTensor } from './encode';
import { decodeTensorProto, encodeTensorProto, tensorToProto } from './tensor-value';
import type { ModelProto } from './types';

describe('encoding (hand-worked bytes)', () => {
  it('writes a node field by field in field-number order', () => {
    // input 'x' (field 1: 0a 01 78), output 'y' (2: 12 01 79), op_type 'Relu' (4: 22 04 52 65 6c 75).
    expect(Array.from(encodeNode(makeNode('Relu', ['x'], ['y'])))).toEqual([0x0a, 1, 0x78, 0x12, 1, 0x79, 0x22, 4, 0x52, 0x65, 0x6c, 0x75]);
  });

  it('writes int64 attributes as varints: -1 in ten bytes, INT64_MAX for Infinity', () => {
    // attribute (5, tag 2a) of 3 + 1 + 10 + 3 = 17 bytes: name 'a' (0a 01 61), i (3, tag 18) = -1 as
    // ff×9 01, type (20, tag a0 01) = INT 2.
    const bytes = Array.from(encodeNode(makeNode('', [], [], { attribute: [attr.int('a', -1)] })));
    expect(bytes).toEqual([0x2a, 17, 0x0a, 1, 0x61, 0x18, ...new Array<number>(9).fill(0xff), 0x01, 0xa0, 0x01, 2]);
    const max = Array.from(encodeNode(makeNode('', [], [], { attribute: [attr.int('a', Infinity)] })));
    // INT64_MAX = 0x7fff_ffff_ffff_ffff: eight bytes ff, then 7f; 3 + 1 + 9 + 3 = 16 bytes.
    expect(max).toEqual([0x2a, 16, 0x0a, 1, 0x61, 0x18, ...new Array<number>(8).fill(0xff), 0x7f, 0xa0, 0x01, 2]);
  });

  it('writes float_data packed (tag 0x22) and dims unpacked (tag 0x08), as protobuf does for onnx.proto', () => {
    const t = makeTensor({ dims: [2], dataType: DATA_TYPE.FLOAT, floatData: Float32Array.from([1, -2]) });
    expect(Array.from(encodeTensor(t))).toEqual([0x08, 2, 0x10, 1, 0x22, 8, 0, 0, 0x80, 0x3f, 0, 0, 0, 0xc0]);
  });

  it('refuses int64 values it cannot write exactly', () => {
    const bad = (v: number): unknown => {
      try {
        return encodeNode(makeNode('', [], [], { attribute: [attr.int('a', v)] }));
      } catch (e) {
        return e;
      }
    };
    for (const v of [0.5, 2 ** 60, Number.NaN]) {
      const e = bad(v);
      expect(isCnnkitError(e, 'INVALID_ARGUMENT'), String(v)).toBe(true);
      expect((e as Error).message).toMatch(/attribute\[0\] 'a'\.i: .* is not an integer within ±9007199254740991/);
    }
  });

  it('keeps large byte fields by reference until the end and still writes them whole', () => {
    const big = new Float32Array(5000).map((_, i) => i);
    const model = makeModel(makeGraph({ name: 'g', initializer: [tensorToProto('w', { dtype: 'float32', shape: [5000], data: big })] }));
    const back = decodeModel(encodeModel(model));
    expect(new Float32Array(back.graph!.initializer[0]!.rawData!.slice().buffer)).toEqual(big);
  });
});

/** A model that uses every field the codec writes (and a valid graph, so the checker passes). */
function everythingModel(): ModelProto {
  const weight = tensorToProto('w', { dtype: 'float32', shape: [2, 3], data: Float32Array.from([0.5, -1, 2, 0, 1e-30, -3.25]) });
  const shape = makeTensor({ name: 'shape', dims: [2], dataType: DATA_TYPE.INT64, int64Data: [0, -1] });
  const bias = makeTensor({ name: 'b', dims: [2], dataType: DATA_TYPE.FLOAT, floatData: Float32Array.from([0.1, -0.2]), docString: 'bias' });
  const graph = makeGraph({
    name: 'everything',
    docString: 'graph doc',
    input: [makeValueInfo('x', DATA_TYPE.FLOAT, ['N', 3]), makeValueInfo('idx', DATA_TYPE.INT32, [])],
    output: [makeValueInfo('z', DATA_TYPE.FLOAT, ['N', 2]), makeValueInfo('k', DATA_TYPE.INT32, [])],
    initializer: [weight, shape, bias],
    valueInfo: [makeValueInfo('y', DATA_TYPE.FLOAT, ['N', 2])],
    node: [
      makeNode('Gemm', ['x', 'w', 'b'], ['y'], { name: 'fc', attribute: [attr.int('transB', 1), attr.float('alpha', 1), attr.float('beta', 1)], docString: 'linear' }),
      makeNode('LeakyRelu', ['y'], ['y2'], { name: 'act', attribute: [attr.float('alpha', 0.125)] }),
      makeNode('Reshape', ['y2', 'shape'], ['z'], { name: 'reshape', attribute: [attr.int('allowzero', 0)] }),
      makeNode('Identity', ['idx'], ['k'], { name: 'id' }),
      makeNode('Constant', [], ['c'], { name: 'const', attribute: [attr.tensor('value', makeTensor({ dims: [2], dataType: DATA_TYPE.INT32, int32Data: Int32Array.from([-7, 7]) }))] }),
      makeNode('Constant', [], ['c2'], { name: 'const2', attribute: [attr.floats('value_floats', [1.5, -0.5])] }),
      makeNode('Constant', [], ['c3'], { name: 'const3', attribute: [attr.ints('value_ints', [3, -9, 2 ** 40])] }),
      makeNode('Constant', [], ['c4'], { name: 'const4', attribute: [attr.strings('value_strings', ['a', 'é'])] }),
    ],
  });
  return makeModel(graph, {
    producerName: 'cnnkit-test', producerVersion: '0.0.0', domain: 'org.cnnkit', modelVersion: 3, docString: 'doc',
    opsetImport: [makeOpset(17)], metadataProps: [{ key: 'k', value: 'v' }],
  });
}

const missing = pythonOnnxMissing();

if (missing !== undefined) {
  describe('encoded files read by Python onnx', () => {
    it.skip(`onnx.load + onnx.checker round trip — skipped: ${missing}`, () => {});
  });
} else describe('encoded files read by Python onnx', () => {
  let dir = '';
  let reports = new Map<string, ModelReport & TensorReport>();
  const model = everythingModel();

  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'cnnkit-onnx-codec-'));
    await writeFile(path.join(dir, 'everything.onnx'), encodeModel(model));
    await writeFile(path.join(dir, 'input_0.pb'), encodeTensorProto('x', { dtype: 'float32', shape: [2, 2], data: Float32Array.from([1, -0.5, Infinity, Number.NaN]) }));
    await writeFile(path.join(dir, 'input_1.pb'), encodeTensorProto('ids', { dtype: 'int32', shape: [3], data: Int32Array.from([-2147483648, 0, 2147483647]) }));
    reports = await checkOnnx([dir], ['--dump']);
  }, 120_000);

  afterAll(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('onnx.checker (full check) accepts the model and MessageToDict reads back every field', () => {
    const report = reports.get('everything.onnx')!;
    expect(report.error).toBeNull();
    expect(report.ok).toBe(true);
    expect(report.ir_version).toBe(8);
    expect(pythonJson(report.model)).toEqual(codecJson(model));
  });

  it('onnx.load_tensor reads encodeTensorProto files, and decodeTensorProto reads them back', () => {
    expect(reports.get('input_0.pb')).toMatchObject({ ok: true, name: 'x', data_type: DATA_TYPE.FLOAT, dims: [2, 2], values: [1, -0.5, 'Infinity', 'NaN'] });
    expect(reports.get('input_1.pb')).toMatchObject({ ok: true, name: 'ids', data_type: DATA_TYPE.INT32, dims: [3], values: [-2147483648, 0, 2147483647] });
    const back = decodeTensorProto(encodeTensorProto('ids', { dtype: 'int32', shape: [3], data: Int32Array.from([-5, 0, 5]) }));
    expect(back).toEqual({ name: 'ids', value: { dtype: 'int32', shape: [3], data: Int32Array.from([-5, 0, 5]) } });
  });
});
