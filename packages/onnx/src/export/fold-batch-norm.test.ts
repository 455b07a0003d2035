import { createBackend } from '@cnnkit/backend-cpu';
import { type Graph, GraphBuilder, Rng, Tensor, type TensorValue, type ValidatedGraph, createModel, foldBatchNorm, traceModule, validateGraph } from '@cnnkit/core';
import { describe, expect, it } from 'vitest';
import { decodeModel } from '../proto/decode';
import { importOnnx } from '../import';
import { exportModelProto, exportOnnx } from './export-onnx';

const f32 = (shape: number[], values: number[]): TensorValue => ({ dtype: 'float32', shape, data: Float32Array.from(values) });

function seeded(shape: number[], rng: Rng, offset = 0, spread = 1): TensorValue {
  const data = new Float32Array(shape.reduce((a, b) => a * b, 1));
  for (let i = 0; i < data.length; i++) data[i] = offset + spread * rng.nextNormal();
  return { dtype: 'float32', shape, data };
}

async function run(graph: Graph, feeds: Record<string, TensorValue>): Promise<Float32Array> {
  // optimize: false, or the cpu backend would fold the unfolded graph too and the comparison would be moot.
  const exe = await createBackend({ optimize: false }).compile(graph);
  const inputs = Object.fromEntries(Object.entries(feeds).map(([k, v]) => [k, Tensor.fromValue(v)]));
  const out = await exe.run(inputs);
  const data = (await out[exe.outputs[0]!]!.data()) as Float32Array;
  exe.dispose();
  return Float32Array.from(data);
}

const opTypes = (graph: Graph): string[] => graph.nodes.map((n) => n.op);

/** conv2d (optionally with bias) → batchNorm → relu, with the given parameter values. */
function convBn(params: { w: TensorValue; b?: TensorValue; scale: TensorValue; bias: TensorValue; mean: TensorValue; var: TensorValue }, inputShape: number[], epsilon = 1e-5): ValidatedGraph {
  const g = new GraphBuilder('convbn');
  g.input('x', 'float32', inputShape);
  for (const [name, value] of Object.entries(params)) if (value) g.initializer(name, value);
  const c = g.op('conv2d', params.b ? ['x', 'w', 'b'] : ['x', 'w'], { pads: 1 }, 'conv');
  const n = g.op('batchNorm', [c, 'scale', 'bias', 'mean', 'var'], { epsilon }, 'bn');
  return g.output(g.op('relu', [n], {}, 'act')).build();
}

describe('foldBatchNorm', () => {
  it('folds a hand-worked 1×1 convolution: W′ = W·s, b′ = (b − mean)·s + bias with s = scale / sqrt(var + eps)', () => {
    // Two output channels of a 1×1 conv over one input channel, epsilon 0:
    // scale [4, 3], var [4, 9] → s = [4/2, 3/3] = [2, 1].
    const graph = convBn({
      w: f32([2, 1, 1, 1], [0.5, -1]), b: f32([2], [1, 2]),
      scale: f32([2], [4, 3]), bias: f32([2], [0.25, -0.5]), mean: f32([2], [3, -1]), var: f32([2], [4, 9]),
    }, [1, 1, 2, 2], 0);
    const { graph: folded, folded: pairs } = foldBatchNorm(graph);
    expect(pairs).toEqual([{ conv: 'conv', batchNorm: 'bn' }]);
    expect(opTypes(folded)).toEqual(['conv2d', 'relu']);
    const conv = folded.nodes[0]!;
    expect(conv.inputs).toEqual(['x', 'w/bn_folded', 'b/bn_folded']);
    expect(conv.outputs).toEqual(['bn:0']);
    // W′ = [0.5·2, −1·1]; b′ = [(1 − 3)·2 + 0.25, (2 + 1)·1 − 0.5].
    expect([...folded.initializers['w/bn_folded']!.data]).toEqual([1, -1]);
    expect([...folded.initializers['b/bn_folded']!.data]).toEqual([-3.75, 2.5]);
    // The originals and the statistics are no longer used by any node, so they are not exported.
    expect(Object.keys(folded.initializers).sort()).toEqual(['b/bn_folded', 'w/bn_folded']);
  });

  it('gives a convolution without bias one, (−mean)·s + bias', () => {
    const graph = convBn({ w: f32([1, 1, 1, 1], [2]), scale: f32([1], [1]), bias: f32([1], [1]), mean: f32([1], [0.5]), var: f32([1], [0.25]) }, [1, 1, 1, 1], 0);
    const { graph: folded } = foldBatchNorm(graph);
    expect(folded.nodes[0]!.inputs).toEqual(['x', 'w/bn_folded', 'conv.bias/bn_folded']);
    expect([...folded.initializers['w/bn_folded']!.data]).toEqual([4]);
    expect([...folded.initializers['conv.bias/bn_folded']!.data]).toEqual([0]);
  });

  it('leaves a pair alone when the convolution output is used elsewhere, or the statistics are fed at run time', () => {
    const rng = new Rng(3);
    const g = new GraphBuilder('shared');
    g.input('x', 'float32', [1, 2, 4, 4]);
    g.input('mean', 'float32', [2]);
    g.initializer('w', seeded([2, 2, 3, 3], rng));
    for (const n of ['scale', 'bias', 'var']) g.initializer(n, seeded([2], rng, 1, 0.1));
    const c = g.op('conv2d', ['x', 'w'], { pads: 1 }, 'conv');
    const n = g.op('batchNorm', [c, 'scale', 'bias', 'mean', 'var'], {}, 'bn');
    const graph = g.output(g.op('add', [c, n], {}, 'sum')).build();
    expect(foldBatchNorm(graph).folded).toEqual([]);
    expect(opTypes(foldBatchNorm(graph).graph)).toEqual(['conv2d', 'batchNorm', 'add']);
  });

  it('keeps a weight shared with another node under its own name (the folded one is a new initializer)', () => {
    const rng = new Rng(4);
    const g = new GraphBuilder('tied');
    g.input('x', 'float32', [1, 2, 4, 4]);
    g.initializer('w', seeded([2, 2, 3, 3], rng));
    for (const n of ['scale', 'bias', 'mean']) g.initializer(n, seeded([2], rng));
    g.initializer('var', seeded([2], rng, 1, 0.1));
    const a = g.op('batchNorm', [g.op('conv2d', ['x', 'w'], { pads: 1 }, 'convA'), 'scale', 'bias', 'mean', 'var'], {}, 'bn');
    const graph = g.output(g.op('conv2d', [a, 'w'], { pads: 1 }, 'convB')).build();
    const { graph: folded } = foldBatchNorm(graph);
    expect(folded.nodes.map((n) => n.inputs[1])).toEqual(['w/bn_folded', 'w']);
    expect(folded.initializers['w']).toBe(graph.initializers['w']);
  });

  it('on a seeded ResNet-20 in eval mode (with non-trivial running statistics), equals the unfolded graph to float32 rounding', async () => {
    const rng = new Rng(11);
    const model = createModel('resnet20', { rng: new Rng(5) }).eval();
    // Fresh BatchNorms have mean 0 / var 1 / scale 1 / bias 0: give each its own statistics so the fold has work to do.
    const state = await model.stateDict();
    const stats: Record<string, TensorValue> = {};
    for (const [name, value] of Object.entries(state)) {
      const shape = [...value.shape];
      // 1-D weights and biases are the BatchNorms' scale and shift (and fc's bias, harmlessly).
      if (shape.length !== 1) continue;
      if (/(\.bias|running_mean)$/.test(name)) stats[name] = seeded(shape, rng, 0, 0.2);
      if (/\.weight$/.test(name)) stats[name] = seeded(shape, rng, 1, 0.2);
      if (/running_var$/.test(name)) stats[name] = { dtype: 'float32', shape, data: Float32Array.from(value.data, () => 0.5 + Math.abs(rng.nextNormal())) };
    }
    model.loadStateDict({ ...state, ...stats });
    const graph = traceModule(model, { shape: [2, 3, 32, 32], dtype: 'float32' });
    const { graph: folded, folded: pairs } = foldBatchNorm(graph);
    expect(pairs.length).toBe(19);
    expect(opTypes(folded)).not.toContain('batchNorm');
    validateGraph(folded);
    const x = seeded([2, 3, 32, 32], new Rng(12));
    const [want, got] = [await run(graph, { [graph.inputs[0]!.name]: x }), await run(folded, { [graph.inputs[0]!.name]: x })];
    const scale = Math.max(...want.map(Math.abs));
    const worst = Math.max(...want.map((w, i) => Math.abs(w - got[i]!)));
    // Float32 rounding through 19 layers of a 3×3 net: a few ulps of the logits' scale, far below any real error.
    expect(worst / scale).toBeLessThan(1e-5);
    expect(want.some((w) => Math.abs(w) > 1e-3)).toBe(true);
  });
});

describe('exportOnnx({ foldBatchNorm })', () => {
  it('writes Conv without BatchNormalization when asked, and the unfolded graph by default', () => {
    const rng = new Rng(6);
    const graph = convBn({ w: seeded([3, 2, 3, 3], rng), b: seeded([3], rng), scale: seeded([3], rng, 1, 0.1), bias: seeded([3], rng), mean: seeded([3], rng), var: seeded([3], rng, 1, 0.05) }, ['N', 2, 5, 5] as never);
    expect(exportModelProto(graph).graph!.node.map((n) => n.opType)).toEqual(['Conv', 'BatchNormalization', 'Relu']);
    const folded = decodeModel(exportOnnx(graph, { foldBatchNorm: true })).graph!;
    expect(folded.node.map((n) => n.opType)).toEqual(['Conv', 'Relu']);
    expect(folded.initializer.map((i) => i.name).sort()).toEqual(['b/bn_folded', 'w/bn_folded']);
  });

  it('folded export round-trips through importOnnx and computes what the unfolded graph computes', async () => {
    const rng = new Rng(7);
    const graph = convBn({ w: seeded([3, 2, 3, 3], rng), b: seeded([3], rng), scale: seeded([3], rng, 1, 0.3), bias: seeded([3], rng), mean: seeded([3], rng), var: seeded([3], rng, 1.5, 0.2) }, [1, 2, 5, 5]);
    const imported = importOnnx(exportOnnx(graph, { foldBatchNorm: true }));
    expect(opTypes(imported)).toEqual(['conv2d', 'relu']);
    const x = seeded([1, 2, 5, 5], new Rng(8));
    const want = await run(graph, { x });
    const got = await run(imported, { x });
    want.forEach((w, i) => expect(got[i]).toBeCloseTo(w, 5));
  });
});

describe('linear → Gemm(transB = 1)', () => {
  it('writes the weight as stored ([out, in], no Transpose node) and round-trips through importOnnx to the same values', async () => {
    const rng = new Rng(9);
    const g = new GraphBuilder('fc');
    g.input('x', 'float32', [2, 4]);
    g.initializer('w', seeded([3, 4], rng));
    g.initializer('b', seeded([3], rng));
    const graph = g.output(g.op('linear', ['x', 'w', 'b'], {}, 'fc')).build();
    const model = exportModelProto(graph);
    expect(model.graph!.node.map((n) => [n.opType, n.input, n.attribute.map((a) => [a.name, a.i])])).toEqual([['Gemm', ['x', 'w', 'b'], [['transB', 1]]]]);
    const imported = importOnnx(exportOnnx(graph));
    const x = seeded([2, 4], new Rng(10));
    // Hand-computed y = x · Wᵀ + b in float64, the independent truth for both graphs.
    const w = graph.initializers['w']!.data;
    const b = graph.initializers['b']!.data;
    const expected = Array.from({ length: 6 }, (_, k) => {
      const [r, o] = [Math.floor(k / 3), k % 3];
      let sum = b[o]!;
      for (let i = 0; i < 4; i++) sum += x.data[r * 4 + i]! * w[o * 4 + i]!;
      return sum;
    });
    for (const result of [await run(graph, { x }), await run(imported, { x })]) result.forEach((v, k) => expect(v).toBeCloseTo(expected[k]!, 5));
  });
});
