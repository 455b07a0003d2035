// Softmax's opset-dependent axis, Slice, Cast, Constant, Dropout / Identity, reductions, ArgMax,
// MatMul and LeakyRelu: the mapping details ONNX's node tests do not pin down.
import { describe, expect, it } from 'vitest';
import { DATA_TYPE, FLOAT, INT64, attr, floats, importSpec, int64s, makeNode, oneNode, runCpu } from '../../../test/import/onnx-model';
import { makeTensor } from '../../proto';

describe('Softmax / LogSoftmax', () => {
  it('opset < 13 coerces to 2-D around axis 1 (the default): flatten, softmax, reshape back', async () => {
    const g = importSpec(oneNode('Softmax', ['N', 2, 2], { opset: 11 }));
    expect(g.nodes.map((n) => [n.op, n.attrs])).toEqual([
      ['flatten', { startDim: 1, endDim: -1 }], ['softmax', { axis: 1 }], ['reshape', { shape: [0, 2, 2] }],
    ]);
    // One row of 4: softmax over all of [0, 0, ln 2, ln 4] = [1, 1, 2, 4] / 8.
    const y = (await runCpu(g, { x: { shape: [1, 2, 2], data: [0, 0, Math.log(2), Math.log(4)] } })).y!;
    expect(y.shape).toEqual([1, 2, 2]);
    y.data.forEach((v, i) => expect(v).toBeCloseTo([0.125, 0.125, 0.25, 0.5][i]!, 6));
  });

  it('opset 13 works along one axis (default -1); opset < 13 along the last axis needs no reshape', () => {
    expect(importSpec(oneNode('LogSoftmax', ['N', 2, 2])).nodes.map((n) => [n.op, n.attrs])).toEqual([['logSoftmax', { axis: 2 }]]);
    expect(importSpec(oneNode('Softmax', ['N', 2, 2], { opset: 11, attrs: [attr.int('axis', -1)] })).nodes.map((n) => [n.op, n.attrs])).toEqual([['softmax', { axis: 2 }]]);
  });

  it('opset < 13 with a run-time size after the axis cannot be reshaped back', () => {
    expect(() => importSpec(oneNode('Softmax', ['N', 'C', 'L'], { opset: 11 }))).toThrow(/opset 11 coerces to 2-D around axis 1.*cannot express target shape \[N, C, L\]/);
  });
});

describe('Slice', () => {
  it('INT64_MAX ends clamp; whole slices of a run-time axis are left out; opset 9 reads attributes', async () => {
    const g = importSpec({
      nodes: [makeNode('Slice', ['x', 'starts', 'ends', 'axes'], ['y'])],
      inputs: [['x', FLOAT, ['N', 4]]],
      outputs: ['y'],
      initializers: [int64s('starts', [2], [0, 1]), makeTensor({ name: 'ends', dims: [2], dataType: INT64, int64Data: [Infinity, Infinity] }), int64s('axes', [2], [0, -1])],
    });
    expect(g.nodes.map((n) => [n.op, n.attrs])).toEqual([['slice', { starts: [1], ends: [2147483647], axes: [1] }]]);
    expect((await runCpu(g, { x: { shape: [1, 4], data: [1, 2, 3, 4] } })).y!.data).toEqual([2, 3, 4]);
    const old = importSpec(oneNode('Slice', ['N', 4], { opset: 9, attrs: [attr.ints('starts', [-3]), attr.ints('ends', [-1]), attr.ints('axes', [1])] }));
    expect((await runCpu(old, { x: { shape: [1, 4], data: [1, 2, 3, 4] } })).y!.data).toEqual([2, 3]);
  });

  it('steps other than 1 are refused', () => {
    expect(() => importSpec({
      nodes: [makeNode('Slice', ['x', 's', 'e', 'a', 'step'], ['y'], { name: 'every_other' })],
      inputs: [['x', FLOAT, [1, 4]]],
      outputs: ['y'],
      initializers: [int64s('s', [1], [0]), int64s('e', [1], [4]), int64s('a', [1], [1]), int64s('step', [1], [2])],
    })).toThrow(`test.onnx: Slice node 'every_other': steps are [2]; cnnkit's slice takes steps of 1 only`);
  });
});

describe('Cast', () => {
  it('int64 -> int32 on an index path is the identity; a float cast to INT64 is refused', async () => {
    const g = importSpec({
      nodes: [makeNode('Cast', ['ids'], ['ids32'], { attribute: [attr.int('to', DATA_TYPE.INT32)] }), makeNode('Gather', ['table', 'ids32'], ['y'])],
      inputs: [['ids', INT64, ['N']]],
      outputs: ['y'],
      initializers: [floats('table', [3], [10, 20, 30])],
    });
    expect(g.nodes.map((n) => n.op)).toEqual(['gather']);
    expect((await runCpu(g, { ids: { shape: [2], data: [2, 0], dtype: 'int32' } })).y!.data).toEqual([30, 10]);
    expect(() => importSpec(oneNode('Cast', [2], { attrs: [attr.int('to', DATA_TYPE.INT64)] })))
      .toThrow(/Cast node 'cast_node': casts a run-time float32 value to INT64; cnnkit has no cast op/);
  });

  it('constants convert on the host (float -> int truncates)', async () => {
    const g = importSpec({
      nodes: [makeNode('Cast', ['c'], ['ci'], { attribute: [attr.int('to', DATA_TYPE.INT64)] }), makeNode('Cast', ['ci'], ['cf'], { attribute: [attr.int('to', DATA_TYPE.FLOAT)] }), makeNode('Add', ['x', 'cf'], ['y'])],
      inputs: [['x', FLOAT, [3]]],
      outputs: ['y'],
      initializers: [floats('c', [3], [1.7, -1.7, 2])],
    });
    expect((await runCpu(g, { x: { shape: [3], data: [0, 0, 0] } })).y!.data).toEqual([1, -1, 2]);
  });
});

describe('Constant, Identity, Dropout', () => {
  it('value_int(s), value_float and a value tensor become initializers when read', async () => {
    const g = importSpec({
      nodes: [
        makeNode('Constant', [], ['f'], { attribute: [attr.float('value_float', 0.5)] }),
        makeNode('Constant', [], ['t'], { attribute: [attr.tensor('value', floats('', [2], [1, 2]))] }),
        makeNode('Constant', [], ['axes'], { attribute: [attr.ints('value_ints', [1])] }),
        makeNode('Mul', ['x', 'f'], ['a']),
        makeNode('Add', ['a', 't'], ['b']),
        makeNode('ReduceSum', ['b', 'axes'], ['y'], { attribute: [attr.int('keepdims', 0)] }),
      ],
      inputs: [['x', FLOAT, ['N', 2]]],
      outputs: ['y'],
    });
    expect(g.nodes.map((n) => n.op)).toEqual(['mul', 'add', 'reduceSum']);
    expect(g.initializers.f).toEqual({ dtype: 'float32', shape: [], data: Float32Array.from([0.5]) });
    // [4, 6] * 0.5 + [1, 2] = [3, 5], summed: 8
    expect((await runCpu(g, { x: { shape: [1, 2], data: [4, 6] } })).y).toEqual({ shape: [1], data: [8] });
  });

  it('sparse or string constants, and two values at once, are refused', () => {
    const constant = (attribute: ReturnType<typeof attr.int>[]) => importSpec({ nodes: [makeNode('Constant', [], ['y'], { name: 'k', attribute })], inputs: [], outputs: ['y'] });
    expect(() => constant([attr.strings('value_strings', ['a'])])).toThrow(/Constant node 'k': attribute 'value_strings' holds strings/);
    expect(() => constant([attr.int('value_int', 1), attr.float('value_float', 1)])).toThrow(/has value_float, value_int; expected exactly one/);
  });

  it('Dropout (opset 7 attributes, opset 12+ training_mode false) and Identity are rewired away', async () => {
    const g = importSpec({
      nodes: [
        makeNode('Dropout', ['x'], ['d1'], { attribute: [attr.float('ratio', 0.3)] }),
        makeNode('Identity', ['d1'], ['d2']),
        makeNode('Relu', ['d2'], ['y']),
      ],
      inputs: [['x', FLOAT, [2]]],
      outputs: ['y'],
      opset: 7,
    });
    expect(g.nodes.map((n) => [n.op, n.inputs])).toEqual([['relu', ['x']]]);
    const modern = importSpec({
      nodes: [makeNode('Dropout', ['x', 'ratio', 'training'], ['y', 'mask'])],
      inputs: [['x', FLOAT, [2]]],
      outputs: ['y'],
      initializers: [floats('ratio', [], [0.5]), makeTensor({ name: 'training', dims: [], dataType: DATA_TYPE.BOOL, int32Data: Int32Array.from([0]) })],
    });
    expect((await runCpu(modern, { x: { shape: [2], data: [1, -1] } })).y!.data).toEqual([1, -1]);
  });
});

describe('reductions and ArgMax', () => {
  it('axes from the attribute (opset 11) or input 1 (ReduceSum 13), keepdims defaulting to 1', async () => {
    const mean = importSpec(oneNode('ReduceMean', ['N', 2, 2], { opset: 11, attrs: [attr.ints('axes', [-1])] }));
    expect(mean.nodes[0]).toMatchObject({ op: 'reduceMean', attrs: { axes: [-1], keepDims: true } });
    expect((await runCpu(mean, { x: { shape: [1, 2, 2], data: [1, 3, 5, 9] } })).y).toEqual({ shape: [1, 2, 1], data: [2, 7] });
    const sum = importSpec(oneNode('ReduceSum', ['N', 2], { extraInputs: ['axes'], initializers: [int64s('axes', [1], [0])], attrs: [attr.int('keepdims', 0)] }));
    expect(sum.nodes[0]).toMatchObject({ op: 'reduceSum', attrs: { axes: [0], keepDims: false } });
  });

  it('no axes reduces everything, unless noop_with_empty_axes', () => {
    expect(importSpec(oneNode('ReduceMax', [2, 2])).nodes[0]).toMatchObject({ op: 'reduceMax', attrs: { axes: [] } });
    const noop = importSpec({ nodes: [makeNode('ReduceSum', ['x'], ['y'], { attribute: [attr.int('noop_with_empty_axes', 1)] }), makeNode('Relu', ['y'], ['z'])], inputs: [['x', FLOAT, [2]]], outputs: ['z'] });
    expect(noop.nodes.map((n) => [n.op, n.inputs])).toEqual([['relu', ['x']]]);
  });

  it('ArgMax gives int32 (first index on ties); select_last_index is refused', async () => {
    const g = importSpec(oneNode('ArgMax', ['N', 3], { attrs: [attr.int('axis', 1), attr.int('keepdims', 0)] }));
    expect(g.types.get('y')).toEqual({ dtype: 'int32', shape: ['N'] });
    expect((await runCpu(g, { x: { shape: [2, 3], data: [1, 5, 5, 9, 0, 9] } })).y!.data).toEqual([1, 0]);
    expect(() => importSpec(oneNode('ArgMax', [3], { attrs: [attr.int('select_last_index', 1)] }))).toThrow(/select_last_index' is 1/);
  });
});

describe('Gather', () => {
  it('constant int64 indices become an int32 initializer, range-checked', async () => {
    const gather = (indices: number[]) => importSpec({ nodes: [makeNode('Gather', ['x', 'idx'], ['y'], { name: 'pick', attribute: [attr.int('axis', 1)] })], inputs: [['x', FLOAT, ['N', 3]]], outputs: ['y'], initializers: [int64s('idx', [indices.length], indices)] });
    const g = gather([2, -3]);
    expect(g.initializers.idx).toEqual({ dtype: 'int32', shape: [2], data: Int32Array.from([2, -3]) });
    expect((await runCpu(g, { x: { shape: [1, 3], data: [10, 20, 30] } })).y!.data).toEqual([30, 10]);
    expect(() => gather([3_000_000_000])).toThrow(/Gather node 'pick': input 1 'idx'.*INT64 value 3000000000 at index 0 does not fit int32/);
  });
});

describe('MatMul, LeakyRelu', () => {
  it('MatMul of rank >= 2 maps directly; 1-D operands follow NumPy (row / column, the added axis removed)', async () => {
    expect(importSpec({ nodes: [makeNode('MatMul', ['x', 'w'], ['y'])], inputs: [['x', FLOAT, ['N', 2, 3]]], outputs: ['y'], initializers: [floats('w', [3, 1], [1, 2, 3])] }).types.get('y')!.shape).toEqual(['N', 2, 1]);
    const mv = importSpec({ nodes: [makeNode('MatMul', ['x', 'v'], ['y'], { name: 'mv' })], inputs: [['x', FLOAT, ['N', 3]]], outputs: ['y'], initializers: [floats('v', [3], [1, 2, 3])] });
    expect(mv.types.get('y')!.shape).toEqual(['N']);
    // [[1, 0, 1], [0, 1, 0]] @ [1, 2, 3] = [4, 2]
    expect((await runCpu(mv, { x: { shape: [2, 3], data: [1, 0, 1, 0, 1, 0] } })).y).toEqual({ shape: [2], data: [4, 2] });
    const vm = importSpec({ nodes: [makeNode('MatMul', ['x', 'w'], ['y'])], inputs: [['x', FLOAT, [3]]], outputs: ['y'], initializers: [floats('w', [3, 2], [1, 0, 0, 1, 1, 1])] });
    // [1, 2, 3] @ [[1, 0], [0, 1], [1, 1]] = [4, 5]
    expect((await runCpu(vm, { x: { shape: [3], data: [1, 2, 3] } })).y).toEqual({ shape: [2], data: [4, 5] });
    const dot = importSpec({ nodes: [makeNode('MatMul', ['x', 'v'], ['y'])], inputs: [['x', FLOAT, [3]]], outputs: ['y'], initializers: [floats('v', [3], [1, 2, 3])] });
    expect((await runCpu(dot, { x: { shape: [3], data: [1, 1, 1] } })).y).toEqual({ shape: [], data: [6] });
  });

  it(`LeakyRelu's alpha defaults to 0.01`, async () => {
    const g = importSpec(oneNode('LeakyRelu', [2]));
    expect(g.nodes[0]!.attrs).toEqual({ alpha: 0.01 });
    const y = (await runCpu(g, { x: { shape: [2], data: [-100, 3] } })).y!.data;
    expect(y[0]).toBeCloseTo(-1, 6);
    expect(y[1]).toBe(3);
  });
});
