import { CnnkitError } from '@cnnkit/core';
import { describe, expect, it } from 'vitest';
import { DATA_TYPE, FLOAT, INT64, attr, floats, importSpec, makeNode, onnxBytes, runCpu } from '../../test/import/onnx-model';
import { encodeModel, makeGraph, makeModel, makeOpset, makeTensor, makeValueInfo } from '../proto';
import { importOnnx } from './import-onnx';

function thrown(fn: () => unknown): CnnkitError {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(CnnkitError);
    return e as CnnkitError;
  }
  throw new Error('expected a CnnkitError; nothing was thrown');
}

const relu = { nodes: [makeNode('Relu', ['x'], ['y'], { name: 'r' })], inputs: [['x', FLOAT, ['N', 3]]], outputs: ['y'] } as const;

describe('importOnnx: unsupported ops', () => {
  it('lists every unsupported node in ONE error, with node name, op_type and domain', () => {
    const e = thrown(() => importSpec({
      nodes: [
        makeNode('Relu', ['x'], ['a'], { name: 'fine' }),
        makeNode('Erf', ['a'], ['b'], { name: 'gelu/erf' }),
        makeNode('LayerNormalization', ['b'], ['c'], { name: 'ln' }),
        makeNode('FusedConv', ['c'], ['d'], { name: 'fused', domain: 'com.microsoft' }),
        makeNode('Relu', ['d'], ['e'], { name: 'custom relu', domain: 'my.domain' }),
        makeNode('Erf', ['e'], ['y'], { name: '' }),
      ],
      inputs: [['x', FLOAT, [1, 3]]],
      outputs: ['y'],
    }));
    expect(e.code).toBe('UNSUPPORTED_OP');
    expect(e.message).toContain('test.onnx: cnnkit cannot import 5 node(s)');
    expect(e.message).toContain(`Erf (domain 'ai.onnx') in node 'gelu/erf'`);
    expect(e.message).toContain(`LayerNormalization (domain 'ai.onnx') in node 'ln'`);
    expect(e.message).toContain(`FusedConv (domain 'com.microsoft') in node 'fused'`);
    expect(e.message).toContain(`Relu (domain 'my.domain') in node 'custom relu'`);
    expect(e.message).toContain(`Erf (domain 'ai.onnx') in node '#5'`);
    expect(e.details.unsupported).toEqual([
      { name: 'gelu/erf', opType: 'Erf', domain: 'ai.onnx' },
      { name: 'ln', opType: 'LayerNormalization', domain: 'ai.onnx' },
      { name: 'fused', opType: 'FusedConv', domain: 'com.microsoft' },
      { name: 'custom relu', opType: 'Relu', domain: 'my.domain' },
      { name: '#5', opType: 'Erf', domain: 'ai.onnx' },
    ]);
  });

  it(`takes 'ai.onnx' as the default domain`, () => {
    const g = importSpec({ ...relu, nodes: [makeNode('Relu', ['x'], ['y'], { domain: 'ai.onnx' })] });
    expect(g.nodes.map((n) => n.op)).toEqual(['relu']);
  });

  it('refuses an attribute the converter does not know, naming it', () => {
    const e = thrown(() => importSpec({ ...relu, nodes: [makeNode('Relu', ['x'], ['y'], { name: 'r', attribute: [attr.int('mystery', 1)] })] }));
    expect(e.code).toBe('UNSUPPORTED_OP');
    expect(e.message).toMatch(/test\.onnx: Relu node 'r': has the attribute\(s\) 'mystery', which cnnkit does not import/);
  });
});

describe('importOnnx: bad files', () => {
  const good = onnxBytes(relu);

  it('a truncated file: an IO error naming the source', () => {
    const e = thrown(() => importOnnx(good.subarray(0, good.length - 7), { source: 'models/relu.onnx' }));
    expect(e.code).toBe('IO');
    expect(e.message).toMatch(/^models\/relu\.onnx: .*models\/relu\.onnx is truncated or not an ONNX model/);
  });

  it('a foreign file (a PNG, JSON text, zero bytes): a clear error naming the source', () => {
    const png = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);
    const json = new TextEncoder().encode('{"name": "not onnx", "layers": [1, 2, 3]}');
    for (const [bytes, label] of [[png, 'image.png'], [json, 'model.json']] as const) {
      const e = thrown(() => importOnnx(bytes, { source: label }));
      expect(e.code).toBe('IO');
      expect(e.message).toContain(label);
      expect(e.message).toMatch(/not an ONNX model/);
    }
    const empty = thrown(() => importOnnx(new Uint8Array(0), { source: 'empty.onnx' }));
    expect(empty.message).toBe('empty.onnx: is empty (0 bytes); expected an ONNX model (ModelProto)');
    const notBytes = thrown(() => importOnnx('model.onnx' as unknown as Uint8Array));
    expect(notBytes.code).toBe('INVALID_ARGUMENT');
    expect(notBytes.message).toMatch(/given string; expected the model's bytes as a Uint8Array/);
  });

  it('a model without a graph', () => {
    const e = thrown(() => importOnnx(encodeModel({ ...makeModel(makeGraph({})), graph: undefined }), { source: 'm.onnx' }));
    expect(e.message).toMatch(/^m\.onnx: has no graph; expected an ONNX ModelProto with a graph/);
  });

  it('an opset outside 7..21, or none of the default domain', () => {
    const old = thrown(() => importOnnx(encodeModel(makeModel(makeGraph({ node: relu.nodes.slice(), input: [makeValueInfo('x', FLOAT, [1])], output: [makeValueInfo('y', FLOAT)] }), { opsetImport: [makeOpset(6)] })), { source: 'old.onnx' }));
    expect(old.message).toMatch(/^old\.onnx: uses ONNX opset 6; expected opset 7\.\.21/);
    const none = thrown(() => importOnnx(encodeModel(makeModel(makeGraph({}), { opsetImport: [makeOpset(3, 'ai.onnx.ml')] })), { source: 'ml.onnx' }));
    expect(none.message).toMatch(/^ml\.onnx: imports no version of the default ONNX domain \(opset_import has 'ai\.onnx\.ml' 3\)/);
  });

  it('a node reading a value nobody defines', () => {
    const e = thrown(() => importSpec({ ...relu, nodes: [makeNode('Add', ['x', 'ghost'], ['y'], { name: 'add' })] }));
    expect(e.code).toBe('INVALID_GRAPH');
    expect(e.message).toMatch(/Add node 'add' reads 'ghost', which no graph input, initializer or node defines/);
  });

  it('initializers with external data are refused with a hint', () => {
    const w = makeTensor({ name: 'w', dims: [3], dataType: FLOAT, dataLocation: 1, externalData: [{ key: 'location', value: 'weights.bin' }] });
    const e = thrown(() => importSpec({ ...relu, nodes: [makeNode('Add', ['x', 'w'], ['y'])], initializers: [w] }));
    expect(e.code).toBe('IO');
    expect(e.message).toMatch(/initializer tensor 'w': its data is stored outside the model \(in 'weights\.bin'\)/);
  });
});

describe('importOnnx: inputs, initializers and outputs', () => {
  it('keeps dim_param names, names unnamed dynamic dims, takes INT64 inputs as int32 with a note', () => {
    const notes: string[] = [];
    const g = importSpec({
      nodes: [makeNode('Gather', ['table', 'ids'], ['y'])],
      inputs: [['ids', INT64, ['batch', 'seq']]],
      outputs: ['y'],
      initializers: [floats('table', [4, 2], [0, 1, 2, 3, 4, 5, 6, 7])],
    }, { onNote: (m) => notes.push(m) });
    expect(g.inputs).toEqual([{ name: 'ids', dtype: 'int32', shape: ['batch', 'seq'] }]);
    expect(notes).toEqual([`test.onnx: graph input 'ids': INT64 input imported as int32 (cnnkit's index type; values must fit in int32)`]);
    const unnamed = importOnnx(encodeModel(makeModel(makeGraph({
      node: [makeNode('Relu', ['x'], ['y'])],
      input: [{ name: 'x', docString: '', type: { denotation: '', tensorType: { elemType: FLOAT, shape: { dim: [{ denotation: '' }, { dimValue: 3, denotation: '' }] } } } }],
      output: [makeValueInfo('y', FLOAT)],
    }))));
    expect(unnamed.inputs[0]!.shape).toEqual(['x_dim0', 3]);
  });

  it('refuses inputs of other types, or without a shape', () => {
    expect(thrown(() => importSpec({ ...relu, inputs: [['x', DATA_TYPE.DOUBLE, [2]]] })).message).toMatch(/graph input 'x': is DOUBLE; expected FLOAT, INT64 or INT32/);
    expect(thrown(() => importSpec({ ...relu, inputs: [['x', FLOAT, undefined]] })).message).toMatch(/graph input 'x': has no shape \(not even a rank\)/);
  });

  it('inputs that repeat an initializer (IR < 4) stay constants; float64 initializers become float32 with a note', async () => {
    const notes: string[] = [];
    const b = makeTensor({ name: 'b', dims: [2], dataType: DATA_TYPE.DOUBLE, doubleData: Float64Array.from([0.5, -1.25]) });
    const g = importSpec({
      nodes: [makeNode('Add', ['x', 'b'], ['y'])],
      inputs: [['x', FLOAT, ['N', 2]], ['b', DATA_TYPE.DOUBLE, [2]]],
      outputs: ['y'],
      initializers: [b],
    }, { onNote: (m) => notes.push(m) });
    expect(g.inputs.map((i) => i.name)).toEqual(['x']);
    expect(g.initializers.b).toEqual({ dtype: 'float32', shape: [2], data: Float32Array.from([0.5, -1.25]) });
    expect(notes).toEqual([`test.onnx: initializer tensor 'b': DOUBLE values converted to float32`]);
    // [1, 2] + [0.5, -1.25] = [1.5, 0.75]
    expect((await runCpu(g, { x: { shape: [1, 2], data: [1, 2] } })).y!.data).toEqual([1.5, 0.75]);
  });

  it('unused initializers and dead nodes are left out', () => {
    const g = importSpec({
      nodes: [makeNode('Relu', ['x'], ['y']), makeNode('Sigmoid', ['x'], ['unused'])],
      inputs: [['x', FLOAT, [2]]],
      outputs: ['y'],
      initializers: [floats('spare', [1], [1])],
    });
    expect(g.nodes.map((n) => n.op)).toEqual(['relu']);
    expect(Object.keys(g.initializers)).toEqual([]);
  });

  it('outputs keep their ONNX names through Identity, constants and repeats', async () => {
    const g = importSpec({
      nodes: [
        makeNode('Relu', ['x'], ['r']),
        makeNode('Identity', ['r'], ['y1']),
        makeNode('Identity', ['r'], ['y2']),
        makeNode('Identity', ['x'], ['y3']),
        makeNode('Constant', [], ['k'], { attribute: [attr.floats('value_floats', [7, 8])] }),
        makeNode('Identity', ['k'], ['y4']),
      ],
      inputs: [['x', FLOAT, [2]]],
      outputs: ['y1', 'y2', 'y3', 'y4', 'r'],
    });
    expect(g.outputs).toEqual(['y1', 'y2', 'y3', 'y4', 'r']);
    const out = await runCpu(g, { x: { shape: [2], data: [-1, 3] } });
    expect(out.y1!.data).toEqual([0, 3]);
    expect(out.y2!.data).toEqual([0, 3]);
    expect(out.y3!.data).toEqual([-1, 3]);
    expect(out.y4!.data).toEqual([7, 8]);
    expect(out.r!.data).toEqual([0, 3]);
  });

  it('nodes out of order are sorted; the graph name is kept', () => {
    const g = importSpec({
      name: 'shuffled',
      nodes: [makeNode('Sigmoid', ['a'], ['y'], { name: 'second' }), makeNode('Relu', ['x'], ['a'], { name: 'first' })],
      inputs: [['x', FLOAT, [2]]],
      outputs: ['y'],
    });
    expect(g.name).toBe('shuffled');
    expect(g.nodes.map((n) => n.name)).toEqual(['first', 'second']);
  });

  it('a graph output cnnkit cannot compute is refused, saying why', () => {
    const e = thrown(() => importSpec({
      nodes: [makeNode('MaxPool', ['x'], ['y', 'idx'], { name: 'pool', attribute: [attr.ints('kernel_shape', [2])] })],
      inputs: [['x', FLOAT, [1, 1, 4]]],
      outputs: ['y', 'idx'],
    }));
    expect(e.code).toBe('UNSUPPORTED_OP');
    expect(e.message).toBe(`test.onnx: graph output 'idx' is output 1 of MaxPool node 'pool', which cnnkit computes without its Indices output`);
  });
});
