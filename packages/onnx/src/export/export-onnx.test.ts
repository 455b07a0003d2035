import { type Graph, GraphBuilder, type ValidatedGraph, isCnnkitError } from '@cnnkit/core';
import { describe, expect, it } from 'vitest';
import { textOf } from '../proto/builders';
import { decodeModel } from '../proto/decode';
import { DATA_TYPE } from '../proto/enums';
import { tensorProtoNumbers } from '../proto/tensor-value';
import type { AttributeProto, ModelProto } from '../proto/types';
import { exportModelProto, exportOnnx } from './export-onnx';

const f32 = (shape: number[]) => ({ dtype: 'float32' as const, shape, data: new Float32Array(shape.reduce((a, b) => a * b, 1)) });

function attrValue(a: AttributeProto): unknown {
  switch (a.type) {
    case 1: return a.f;
    case 2: return a.i;
    case 3: return textOf(a.s);
    case 7: return a.ints;
    default: return a.type;
  }
}

/** The ONNX nodes as [op_type, inputs, outputs, {attribute: value}]; helper int64 initializers by value. */
function nodes(model: ModelProto): [string, string[], string[], Record<string, unknown>][] {
  return model.graph!.node.map((n) => [n.opType, n.input, n.output, Object.fromEntries(n.attribute.map((a) => [a.name, attrValue(a)]))]);
}

function initializer(model: ModelProto, name: string): number[] {
  const t = model.graph!.initializer.find((i) => i.name === name);
  if (!t) throw new Error(`no initializer '${name}'`);
  return tensorProtoNumbers(t);
}

function build(f: (g: GraphBuilder) => string, inputShape: (number | string)[] = [1, 2, 5, 5], dtype: 'float32' | 'int32' = 'float32'): ValidatedGraph {
  const g = new GraphBuilder('t');
  const x = g.input('x', dtype, inputShape);
  void x;
  return g.output(f(g)).build();
}

describe('exportOnnx: the model around the nodes', () => {
  it('writes IR 8, opset 17, the producer, and graph inputs / outputs with dim_param for the batch', () => {
    const graph = build((g) => g.op('relu', ['x'], {}, 'r'), ['N', 3]);
    const model = decodeModel(exportOnnx(graph, { producerName: 'me', modelName: 'm' }));
    expect(model).toMatchObject({ irVersion: 8, opsetImport: [{ domain: '', version: 17 }], producerName: 'me' });
    expect(model.graph!.name).toBe('m');
    expect(model.graph!.input[0]).toMatchObject({ name: 'x', type: { tensorType: { elemType: DATA_TYPE.FLOAT, shape: { dim: [{ dimParam: 'N' }, { dimValue: 3 }] } } } });
    expect(model.graph!.output[0]).toMatchObject({ name: 'r:0', type: { tensorType: { elemType: DATA_TYPE.FLOAT, shape: { dim: [{ dimParam: 'N' }, { dimValue: 3 }] } } } });
    expect(nodes(model)).toEqual([['Relu', ['x'], ['r:0'], {}]]);
    expect(model.graph!.node[0]!.name).toBe('r');
  });

  it('writes symbolic sizes derived inside the graph as unknown dimensions, not as new dim_params', () => {
    // flatten(0, 1) of [N, 3] is [N*3]: a size ONNX can't name from the inputs' parameters.
    const graph = build((g) => g.op('exp', [g.op('flatten', ['x'], { startDim: 0, endDim: 1 }, 'flat')], {}, 'e'), ['N', 3]);
    expect(graph.types.get('flat:0')!.shape).toEqual(['N*3']);
    const model = exportModelProto(graph);
    expect(model.graph!.valueInfo).toEqual([expect.objectContaining({ name: 'flat:0', type: { denotation: '', tensorType: { elemType: 1, shape: { dim: [{ denotation: '' }] } } } })]);
    expect(model.graph!.output[0]!.type!.tensorType!.shape!.dim).toEqual([{ denotation: '' }]);
  });

  it('writes initializers as raw_data under their own names, helper constants under fresh names', () => {
    const g = new GraphBuilder('t');
    g.input('x', 'float32', [2, 3]);
    // A value already called like the helper constant would be: the helper must pick another name.
    g.initializer('r/shape', { dtype: 'float32', shape: [1], data: Float32Array.of(7) });
    g.initializer('fc.weight', { dtype: 'float32', shape: [1, 3], data: Float32Array.of(1, 2, 3) });
    const y = g.op('linear', ['x', 'fc.weight'], {}, 'fc');
    const graph = g.output(g.op('reshape', [y], { shape: [-1] }, 'r')).build();
    const model = exportModelProto(graph);
    const weight = model.graph!.initializer.find((t) => t.name === 'fc.weight')!;
    expect(weight.dataType).toBe(DATA_TYPE.FLOAT);
    expect(Array.from(new Float32Array(weight.rawData!.slice().buffer))).toEqual([1, 2, 3]);
    expect(nodes(model)[1]).toEqual(['Reshape', ['fc:0', 'r/shape_1'], ['r:0'], {}]);
    expect(initializer(model, 'r/shape_1')).toEqual([-1]);
    expect(model.graph!.initializer.find((t) => t.name === 'r/shape_1')!.dataType).toBe(DATA_TYPE.INT64);
  });

  it('refuses other opsets and graphs that list an output twice', () => {
    const graph = build((g) => g.op('relu', ['x']));
    expect(() => exportOnnx(graph, { opset: 18 as 17 })).toThrow(/exportOnnx: opset 18 was asked for; expected 17/);
    const twice = { ...graph, outputs: [graph.outputs[0]!, graph.outputs[0]!], validated: undefined } as unknown as ValidatedGraph;
    expect(() => exportOnnx(twice)).toThrow(/lists output\(s\) 'relu_0:0' more than once/);
  });

  it('refuses training-only ops in one error naming every such node', () => {
    const bn = (name: string) => ({ name, op: 'batchNormTraining' as const, inputs: ['x', 'p', 'p'], outputs: [`${name}:y`, `${name}:mean`, `${name}:var`], attrs: {} });
    const graph: Graph = {
      name: 'train2',
      inputs: [{ name: 'x', dtype: 'float32', shape: [2, 3] }, { name: 'p', dtype: 'float32', shape: [3] }],
      outputs: ['bn1:y'],
      initializers: {},
      nodes: [bn('bn1'), { name: 'r', op: 'relu', inputs: ['x'], outputs: ['r:0'], attrs: {} }, bn('bn2')],
    };
    let error: unknown;
    try {
      exportOnnx(graph);
    } catch (e) {
      error = e;
    }
    expect(isCnnkitError(error, 'UNSUPPORTED_OP')).toBe(true);
    expect((error as Error).message).toMatch(/training-only ops that ONNX export does not cover: batchNormTraining \(node 'bn1' in graph 'train2'\); batchNormTraining \(node 'bn2' in graph 'train2'\); expected an inference graph/);
  });
});

describe('exportOnnx: one op at a time', () => {
  it("conv2d 'same' → Conv with the pads resolved: in 5, kernel 4 → total 3 = 1 before, 2 after", () => {
    const graph = build((g) => g.op('conv2d', ['x', g.initializer('w', f32([3, 2, 4, 4]))], { pads: 'same' }, 'c'));
    expect(nodes(exportModelProto(graph))).toEqual([
      ['Conv', ['x', 'w'], ['c:0'], { dilations: [1, 1], group: 1, kernel_shape: [4, 4], pads: [1, 1, 2, 2], strides: [1, 1] }],
    ]);
  });

  it('conv1d with groups, dilation, stride and bias', () => {
    const graph = build((g) => g.op('conv1d', ['x', g.initializer('w', f32([4, 1, 3])), g.initializer('b', f32([4]))], { strides: 2, dilations: 2, groups: 2, pads: [1, 0] }, 'c'), [1, 2, 9]);
    expect(nodes(exportModelProto(graph))).toEqual([
      ['Conv', ['x', 'w', 'b'], ['c:0'], { dilations: [2], group: 2, kernel_shape: [3], pads: [1, 0], strides: [2] }],
    ]);
  });

  it("conv2d with paddingMode 'circular' is refused at opset 17", () => {
    const graph = build((g) => g.op('conv2d', ['x', g.initializer('w', f32([3, 2, 3, 3]))], { pads: 1, paddingMode: 'circular' }, 'c'));
    expect(() => exportOnnx(graph)).toThrow(/exportOnnx: conv2d \(node 'c' in graph 't'\): paddingMode 'circular' needs ONNX Pad with mode 'wrap' \(opset 19\)/);
  });

  it('maxPool2d: ceil_mode only where it changes the size; a Slice where PyTorch drops a window', () => {
    // 5×5, kernel 2, stride 2: floor (5 - 2) / 2 + 1 = 2, ceil 3 (the window at 4 hangs over the end).
    const floor = build((g) => g.op('maxPool2d', ['x'], { kernelSize: 2 }, 'p'));
    expect(nodes(exportModelProto(floor))).toEqual([['MaxPool', ['x'], ['p:0'], { kernel_shape: [2, 2], pads: [0, 0, 0, 0], strides: [2, 2] }]]);
    const ceil = build((g) => g.op('maxPool2d', ['x'], { kernelSize: 2, ceilMode: true }, 'p'));
    expect(nodes(exportModelProto(ceil))).toEqual([['MaxPool', ['x'], ['p:0'], { ceil_mode: 1, kernel_shape: [2, 2], pads: [0, 0, 0, 0], strides: [2, 2] }]]);
    // 4×4 with kernel 4, stride 4, ceil: span 0, both rules give 1, so no ceil_mode.
    const exact = build((g) => g.op('maxPool2d', ['x'], { kernelSize: 4, ceilMode: true }, 'p'), [1, 1, 4, 4]);
    expect(nodes(exportModelProto(exact))[0]![3]).not.toHaveProperty('ceil_mode');
    // H 8, W 9, kernel 2 dilated 2 (effective 3), stride 3, pads 1, ceil. H: span 8 + 2 - 3 = 7, ONNX
    // ceil 7/3 → 3 + 1 = 4 windows, but the 4th would start at 9 >= 8 + 1 (in the end padding), so
    // PyTorch keeps 3 (= the floor size). W: span 8, ceil 4, the 4th starts at 9 < 10: kept. So
    // ceil_mode 1 for W, and H cut back to 3.
    const mixed = build((g) => g.op('maxPool2d', ['x'], { kernelSize: 2, strides: 3, pads: 1, dilations: 2, ceilMode: true }, 'p'), [1, 1, 8, 9]);
    expect(mixed.types.get('p:0')!.shape).toEqual([1, 1, 3, 4]);
    const model = exportModelProto(mixed);
    expect(nodes(model)).toEqual([
      ['MaxPool', ['x'], ['p/MaxPool_ceil'], { ceil_mode: 1, dilations: [2, 2], kernel_shape: [2, 2], pads: [1, 1, 1, 1], strides: [3, 3] }],
      ['Slice', ['p/MaxPool_ceil', 'p/starts', 'p/ends', 'p/axes'], ['p:0'], {}],
    ]);
    expect([initializer(model, 'p/starts'), initializer(model, 'p/ends'), initializer(model, 'p/axes')]).toEqual([[0], [3], [2]]);
  });

  it("avgPool1d: count_include_pad always written; 'same' resolved", () => {
    // L 5, kernel 2, stride 1, 'same': total pad 1, all at the end.
    const graph = build((g) => g.op('avgPool1d', ['x'], { kernelSize: 2, strides: 1, pads: 'same', countIncludePad: false }, 'p'), [1, 2, 5]);
    expect(nodes(exportModelProto(graph))).toEqual([['AveragePool', ['x'], ['p:0'], { count_include_pad: 0, kernel_shape: [2], pads: [0, 1], strides: [1] }]]);
  });

  it('linear: Gemm(transB) for 2-D x; Transpose + MatMul + Add otherwise', () => {
    const two = build((g) => g.op('linear', ['x', g.initializer('w', f32([4, 3])), g.initializer('b', f32([4]))], {}, 'fc'), [2, 3]);
    expect(nodes(exportModelProto(two))).toEqual([['Gemm', ['x', 'w', 'b'], ['fc:0'], { transB: 1 }]]);
    const noBias = build((g) => g.op('linear', ['x', g.initializer('w', f32([4, 3]))], {}, 'fc'), [2, 3]);
    expect(nodes(exportModelProto(noBias))).toEqual([['Gemm', ['x', 'w'], ['fc:0'], { transB: 1 }]]);
    const three = build((g) => g.op('linear', ['x', g.initializer('w', f32([4, 3])), g.initializer('b', f32([4]))], {}, 'fc'), [2, 5, 3]);
    expect(nodes(exportModelProto(three))).toEqual([
      ['Transpose', ['w'], ['fc/weight_transposed'], { perm: [1, 0] }],
      ['MatMul', ['x', 'fc/weight_transposed'], ['fc/matmul'], {}],
      ['Add', ['fc/matmul', 'b'], ['fc:0'], {}],
    ]);
    const model = exportModelProto(three);
    expect(model.graph!.node.map((n) => n.name)).toEqual(['fc', 'fc/MatMul', 'fc/Add']);
  });

  it('flatten: Flatten only for (1, last), else Reshape with copied leading dims and -1', () => {
    const shape = ['N', 2, 3, 4];
    const cases: [Record<string, number>, unknown][] = [
      [{ startDim: 1, endDim: -1 }, ['Flatten', { axis: 1 }]],
      [{ startDim: 2, endDim: 2 }, ['Identity', {}]],
      [{ startDim: 1, endDim: 2 }, ['Reshape', [0, -1, 4]]], // [N, 6, 4]
      [{ startDim: 2, endDim: 3 }, ['Reshape', [0, 0, -1]]], // [N, 2, 12]
      [{ startDim: 0, endDim: -1 }, ['Reshape', [-1]]], // [N*24], ONNX Flatten(0) would give [1, N*24]
      [{ startDim: 0, endDim: 1 }, ['Reshape', [-1, 3, 4]]], // [N*2, 3, 4]
    ];
    for (const [attrs, expected] of cases) {
      const model = exportModelProto(build((g) => g.op('flatten', ['x'], attrs, 'f'), shape));
      const [op, inputs, , attributes] = nodes(model)[0]!;
      expect([op, op === 'Reshape' ? initializer(model, inputs[1]!) : attributes], JSON.stringify(attrs)).toEqual(expected);
    }
    // A symbolic size after the merged axes takes the -1 when the merged run is static: [2, 3, N] → [6, N].
    const trailing = exportModelProto(build((g) => g.op('flatten', ['x'], { startDim: 0, endDim: 1 }, 'f'), [2, 3, 'N']));
    expect(initializer(trailing, 'f/shape')).toEqual([6, -1]);
    expect(() => exportOnnx(build((g) => g.op('flatten', ['x'], { startDim: 0, endDim: 1 }, 'f'), ['N', 3, 'M']))).toThrow(/flattening axes 0\.\.1 of x \[N, 3, M\] leaves more than one unknown size/);
  });

  it('reductions: ReduceSum axes as an input, ReduceMean / ReduceMax as an attribute, none for every axis', () => {
    const sum = exportModelProto(build((g) => g.op('reduceSum', ['x'], { axes: [1, -1], keepDims: true }, 'r')));
    expect(nodes(sum)).toEqual([['ReduceSum', ['x', 'r/axes'], ['r:0'], { keepdims: 1 }]]);
    expect(initializer(sum, 'r/axes')).toEqual([1, -1]);
    expect(nodes(exportModelProto(build((g) => g.op('reduceSum', ['x'], {}, 'r'))))).toEqual([['ReduceSum', ['x'], ['r:0'], { keepdims: 0 }]]);
    expect(nodes(exportModelProto(build((g) => g.op('reduceMean', ['x'], { axes: [2, 3] }, 'r'))))).toEqual([['ReduceMean', ['x'], ['r:0'], { axes: [2, 3], keepdims: 0 }]]);
    expect(nodes(exportModelProto(build((g) => g.op('reduceMax', ['x'], { keepDims: true }, 'r'))))).toEqual([['ReduceMax', ['x'], ['r:0'], { keepdims: 1 }]]);
  });

  it('argMax → ArgMax (first index on ties) cast to the int32 the graph declares', () => {
    const model = exportModelProto(build((g) => g.op('argMax', ['x'], { axis: 1 }, 'a')));
    expect(nodes(model)).toEqual([
      ['ArgMax', ['x'], ['a/argmax_int64'], { axis: 1, keepdims: 0, select_last_index: 0 }],
      ['Cast', ['a/argmax_int64'], ['a:0'], { to: DATA_TYPE.INT32 }],
    ]);
    expect(model.graph!.output[0]!.type!.tensorType!.elemType).toBe(DATA_TYPE.INT32);
  });

  it('slice → Slice with bounds clamped as cnnkit clamps them; expand and reshape with int64 shapes', () => {
    // x [1, 2, 5, 5]: axis -1 from -100 (clamped to 0) to 3; axis 2 from 4 to 99 (clamped to 5).
    const model = exportModelProto(build((g) => g.op('slice', ['x'], { starts: [-100, 4], ends: [3, 99], axes: [-1, 2] }, 's')));
    expect(nodes(model)).toEqual([['Slice', ['x', 's/starts', 's/ends', 's/axes'], ['s:0'], {}]]);
    expect([initializer(model, 's/starts'), initializer(model, 's/ends'), initializer(model, 's/axes')]).toEqual([[0, 4], [3, 5], [3, 2]]);
    const expand = exportModelProto(build((g) => g.op('expand', ['x'], { shape: [3, 1, 1, 1, 1] }, 'e')));
    expect(initializer(expand, 'e/shape')).toEqual([3, 1, 1, 1, 1]);
    const reshape = exportModelProto(build((g) => g.op('reshape', ['x'], { shape: [0, -1] }, 'r'), ['N', 2, 5, 5]));
    expect(initializer(reshape, 'r/shape')).toEqual([0, -1]);
  });

  it('dropout: Identity in inference, Dropout(x, ratio, training_mode) with its seed in training', () => {
    expect(nodes(exportModelProto(build((g) => g.op('dropout', ['x'], { ratio: 0.3 }, 'd'))))).toEqual([['Identity', ['x'], ['d:0'], {}]]);
    const model = exportModelProto(build((g) => g.op('dropout', ['x'], { ratio: 0.25, training: true, seed: 9 }, 'd')));
    expect(nodes(model)).toEqual([['Dropout', ['x', 'd/ratio', 'd/training_mode'], ['d:0'], { seed: 9 }]]);
    expect(initializer(model, 'd/ratio')).toEqual([0.25]);
    expect(initializer(model, 'd/training_mode')).toEqual([1]);
  });

  it('attributes of the simple ops', () => {
    const one = (op: Parameters<GraphBuilder['op']>[0], attrs: Record<string, unknown>, shape: number[] = [1, 2, 5, 5]) => nodes(exportModelProto(build((g) => g.op(op, ['x'], attrs as never, 'n'), shape)))[0]!;
    expect(one('leakyRelu', { alpha: 0.25 })).toEqual(['LeakyRelu', ['x'], ['n:0'], { alpha: 0.25 }]);
    expect(one('softmax', { axis: 1 })).toEqual(['Softmax', ['x'], ['n:0'], { axis: 1 }]);
    expect(one('logSoftmax', {})).toEqual(['LogSoftmax', ['x'], ['n:0'], { axis: -1 }]);
    expect(one('transpose', { perm: [0, 2, 3, 1] })).toEqual(['Transpose', ['x'], ['n:0'], { perm: [0, 2, 3, 1] }]);
    expect(one('globalAvgPool', {})).toEqual(['GlobalAveragePool', ['x'], ['n:0'], {}]);
    for (const [op, onnx] of [['relu', 'Relu'], ['sigmoid', 'Sigmoid'], ['tanh', 'Tanh'], ['neg', 'Neg'], ['abs', 'Abs'], ['sign', 'Sign'], ['exp', 'Exp'], ['log', 'Log'], ['sqrt', 'Sqrt'], ['globalMaxPool', 'GlobalMaxPool']] as const) {
      expect(one(op, {})).toEqual([onnx, ['x'], ['n:0'], {}]);
    }
    const bn = build((g) => g.op('batchNorm', ['x', ...['s', 'b', 'm', 'v'].map((n) => g.initializer(n, f32([2])))], { epsilon: 0.001 }, 'bn'));
    const [op, inputs, , attrs] = nodes(exportModelProto(bn))[0]!;
    expect([op, inputs]).toEqual(['BatchNormalization', ['x', 's', 'b', 'm', 'v']]);
    expect(attrs.epsilon).toBeCloseTo(0.001, 9); // a float32 attribute
    const g = new GraphBuilder('t');
    g.input('e', 'float32', [4, 3]);
    g.input('i', 'int32', [2]);
    const graph = g.output(g.op('concat', [g.op('gather', ['e', 'i'], { axis: 0 }, 'ga'), g.op('gather', ['e', 'i'], { axis: 0 }, 'gb')], { axis: -1 }, 'c')).build();
    expect(nodes(exportModelProto(graph))).toEqual([
      ['Gather', ['e', 'i'], ['ga:0'], { axis: 0 }],
      ['Gather', ['e', 'i'], ['gb:0'], { axis: 0 }],
      ['Concat', ['ga:0', 'gb:0'], ['c:0'], { axis: -1 }],
    ]);
  });
});
