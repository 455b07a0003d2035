import { GraphBuilder, Tensor, compileWithKernels, validateGraph } from '@cnnkit/core';
import * as tf from '@tensorflow/tfjs-core';
import { describe, expect, it } from 'vitest';
import { createBackend } from '../src';
import { planLayouts } from '../src/graph/layout-plan';

const values = (n: number, seed: number): Float32Array => Float32Array.from({ length: n }, (_, i) => Math.sin(i * 0.7 + seed) * 0.5);

/**
 * Every path of the compiled executor (src/graph): NHWC-resident conv → batchNorm → relu →
 * maxPool (ceil mode, padded) → conv chains, a same-shape residual add, a strided 'same' conv, a
 * grouped conv and a dilated pool that fall back to the NCHW kernels, an output read in NHWC, an
 * output that is the graph's input, a constant output, and a NaN that max pooling must keep.
 */
function layoutGraph() {
  const g = new GraphBuilder('layouts');
  const x = g.input('x', 'float32', ['N', 3, 9, 9]);
  const w1 = g.initializer('w1', { dtype: 'float32', shape: [4, 3, 3, 3], data: values(108, 1) });
  const b1 = g.initializer('b1', { dtype: 'float32', shape: [4], data: values(4, 2) });
  const bn = ['scale', 'bias', 'mean', 'var'].map((n, i) => g.initializer(n, { dtype: 'float32', shape: [4], data: i === 3 ? Float32Array.from([1, 2, 3, 4]) : values(4, 3 + i) }));
  const w2 = g.initializer('w2', { dtype: 'float32', shape: [4, 4, 3, 3], data: values(144, 7) });
  const w3 = g.initializer('w3', { dtype: 'float32', shape: [6, 2, 3, 3], data: values(108, 8) });
  const c = g.initializer('c', { dtype: 'float32', shape: [2], data: Float32Array.from([1, 2]) });
  const fw = g.initializer('fw', { dtype: 'float32', shape: [5, 36], data: values(180, 12) });
  const fb = g.initializer('fb', { dtype: 'float32', shape: [5], data: values(5, 13) });
  let h = g.op('conv2d', [x, w1, b1], { pads: 1 });
  h = g.op('batchNorm', [h, ...bn]);
  const r = g.op('relu', [h]);
  const skip = g.op('conv2d', [r, w2], { pads: 1 });
  const sum = g.op('add', [g.op('relu', [skip]), r]);
  const pooled = g.op('maxPool2d', [sum], { kernelSize: 2, ceilMode: true, pads: 1 });
  const strided = g.op('conv2d', [pooled, w2], { pads: 'same', strides: 2 });
  const grouped = g.op('conv2d', [pooled, w3], { pads: 'same', groups: 2 });
  const dilatedPool = g.op('maxPool2d', [grouped], { kernelSize: 2, dilations: 2 });
  g.output(strided);
  g.output(g.op('flatten', [dilatedPool], { startDim: 1 }));
  g.output(x);
  g.output(c);
  g.output(g.op('linear', [g.op('flatten', [strided], { startDim: 1 }), fw, fb]));
  return g.build();
}

describe('layout plan', () => {
  it('keeps the conv chain, the residual add and the plain pool in NHWC; grouped conv and dilated pool run their kernels', () => {
    const { nodes } = planLayouts(validateGraph(layoutGraph()));
    expect(nodes.map((p) => `${p.node.op}:${p.kind}`)).toEqual([
      'conv2d:convNhwc', 'batchNorm:batchNormNhwc', 'relu:reluNhwc', 'conv2d:convNhwc', 'relu:reluNhwc', 'add:addNhwc',
      'maxPool2d:maxPoolNhwc', 'conv2d:convNhwc', 'conv2d:kernel', 'maxPool2d:kernel', 'flatten:kernel',
      'flatten:flattenNhwc', 'linear:linearPrepared',
    ]);
    // The flatten read only by the linear stays NHWC-flat, the linear knows from what; the one that is an output goes back to NCHW.
    expect(nodes[11]!.outputLayout).toBe('nhwcFlat');
    expect(nodes[12]!.flatFrom).toEqual([4, 3, 3]);
    expect(nodes[10]!.outputLayout).toBe('nchw');
  });

  it('flattens to NCHW order when the flat value is also an output or read by something other than a constant-weight linear', () => {
    for (const alsoOutput of [true, false]) {
      const g = new GraphBuilder('flat');
      const x = g.input('x', 'float32', ['N', 2, 3, 3]);
      const w = g.initializer('w', { dtype: 'float32', shape: [2, 2, 1, 1], data: values(4, 1) });
      const fw = g.initializer('fw', { dtype: 'float32', shape: [4, 18], data: values(72, 2) });
      const flat = g.op('flatten', [g.op('conv2d', [x, w])], { startDim: 1 });
      g.output(g.op('linear', [flat, fw]));
      g.output(alsoOutput ? flat : g.op('relu', [flat]));
      const { nodes } = planLayouts(validateGraph(g.build()));
      expect(nodes.map((p) => `${p.node.op}:${p.kind}`).slice(0, 3)).toEqual(['conv2d:convNhwc', 'flatten:kernel', 'linear:linearPrepared']);
      expect(nodes[2]!.flatFrom).toBeUndefined();
    }
  });
});

describe('compiled graphs equal the kernels run node by node (to float32 rounding: batchNorm folded, linear\'s weight transposed)', () => {
  for (const engine of ['cpu', 'wasm'] as const) {
    it(`every output, NaN kept, nothing leaked (${engine})`, async () => {
      const b = await createBackend({ engine });
      const graph = layoutGraph();
      const data = values(2 * 3 * 81, 11);
      data[40] = NaN;
      const start = tf.memory().numTensors;
      const feed = b.fromHost({ dtype: 'float32', shape: [2, 3, 9, 9], data });
      const compiled = await b.compile(graph);
      const reference = compileWithKernels(graph, { backend: b.name, kernels: b.kernels, upload: b.fromHost });
      for (const exe of [compiled, reference]) expect(exe.outputs).toHaveLength(5);
      const got = await compiled.run({ x: feed });
      const want = await reference.run({ x: feed });
      // The batchNorm is folded into the convolution before it and linear multiplies by its weight
      // transposed once at compile time: the same products, rounded differently, so every output
      // equals the node-by-node kernels to float32 rounding, with NaN in the same places.
      for (const name of compiled.outputs) {
        const [g, w] = [Array.from(await got[name]!.data()), Array.from(await want[name]!.data())];
        expect(got[name]!.shape, name).toEqual(want[name]!.shape);
        expect(g.map(Number.isNaN), name).toEqual(w.map(Number.isNaN));
        g.forEach((v, i) => {
          if (!Number.isNaN(v) && v !== w[i]) expect(Math.abs(v - w[i]!), name).toBeLessThanOrEqual(1e-5 * Math.max(1, Math.abs(w[i]!)));
        });
      }
      expect(Array.from(await want[compiled.outputs[4]!]!.data()).some((v) => !Number.isNaN(v))).toBe(true);
      const flat = Array.from(await got[compiled.outputs[1]!]!.data());
      expect(flat.some((v) => Number.isNaN(v))).toBe(true);
      // Host feeds are uploaded; outputs are the caller's to dispose.
      const again = await compiled.run({ x: Tensor.from(data, [2, 3, 9, 9]) });
      expect(Array.from(await again[compiled.outputs[0]!]!.data())).toEqual(Array.from(await got[compiled.outputs[0]!]!.data()));
      for (const out of [got, want, again]) for (const t of Object.values(out)) t.dispose();
      compiled.dispose();
      reference.dispose();
      feed.dispose();
      expect(tf.memory().numTensors).toBe(start);
    });
  }
});

describe('one-channel and 1×1 values change layout by reshape, same numbers', () => {
  for (const engine of ['cpu', 'wasm'] as const) {
    it(engine, async () => {
      const b = await createBackend({ engine });
      const g = new GraphBuilder('gray');
      const x = g.input('x', 'float32', ['N', 1, 5, 5]);
      const w1 = g.initializer('w1', { dtype: 'float32', shape: [1, 1, 3, 3], data: values(9, 1) });
      const w2 = g.initializer('w2', { dtype: 'float32', shape: [3, 1, 5, 5], data: values(75, 2) });
      const one = g.op('conv2d', [x, w1], { pads: 1 });
      g.output(one); // NHWC [N, 5, 5, 1] back to NCHW
      g.output(g.op('relu', [g.op('conv2d', [one, w2])])); // NHWC [N, 1, 1, 3] back to NCHW
      g.output(g.op('sigmoid', [one])); // a kernel reading the one-channel NHWC value
      const graph = g.build();
      const data = values(2 * 25, 3);
      const feed = b.fromHost({ dtype: 'float32', shape: [2, 1, 5, 5], data });
      const compiled = await b.compile(graph);
      const reference = compileWithKernels(graph, { backend: b.name, kernels: b.kernels, upload: b.fromHost });
      const got = await compiled.run({ x: feed });
      const want = await reference.run({ x: feed });
      for (const name of compiled.outputs) {
        expect(got[name]!.shape).toEqual(want[name]!.shape);
        expect(Array.from(await got[name]!.data())).toEqual(Array.from(await want[name]!.data()));
      }
      for (const out of [got, want]) for (const t of Object.values(out)) t.dispose();
      compiled.dispose();
      reference.dispose();
      feed.dispose();
    });
  }
});

describe('conv1d chains stay channels last', () => {
  /** As textCnn: [N, L, E] transposed to [N, E, L] for conv1ds (one with bias, relu, global max pool; one strided 'same' and an output). */
  function textGraph(alsoOutputTransposed: boolean) {
    const g = new GraphBuilder('text');
    const x = g.input('x', 'float32', ['N', 9, 4]);
    const w1 = g.initializer('w1', { dtype: 'float32', shape: [5, 4, 3], data: values(60, 1) });
    const b1 = g.initializer('b1', { dtype: 'float32', shape: [5], data: values(5, 2) });
    const w2 = g.initializer('w2', { dtype: 'float32', shape: [3, 4, 2], data: values(24, 3) });
    const t = g.op('transpose', [x], { perm: [0, 2, 1] });
    g.output(g.op('globalMaxPool', [g.op('relu', [g.op('conv1d', [t, w1, b1])])]));
    g.output(g.op('conv1d', [t, w2], { pads: 'same', strides: 2 }));
    if (alsoOutputTransposed) g.output(t);
    return g.build();
  }

  it('plans the transpose as a relabelling and the conv1ds on prepared filters, unless the transposed value is an output', () => {
    const kinds = (also: boolean) => planLayouts(validateGraph(textGraph(also))).nodes.map((p) => `${p.node.op}:${p.kind}`);
    expect(kinds(false)).toEqual(['transpose:transposeToNlc', 'conv1d:convNhwc', 'relu:reluNhwc', 'globalMaxPool:kernel', 'conv1d:convNhwc']);
    expect(kinds(true)[0]).toBe('transpose:kernel');
  });

  for (const engine of ['cpu', 'wasm'] as const) {
    it(`equal the kernels run node by node, bit for bit, NaN kept (${engine})`, async () => {
      const b = await createBackend({ engine });
      for (const also of [false, true]) {
        const graph = textGraph(also);
        const data = values(2 * 36, 4);
        data[13] = NaN;
        const start = tf.memory().numTensors;
        const feed = b.fromHost({ dtype: 'float32', shape: [2, 9, 4], data });
        const compiled = await b.compile(graph);
        const reference = compileWithKernels(graph, { backend: b.name, kernels: b.kernels, upload: b.fromHost });
        const got = await compiled.run({ x: feed });
        const want = await reference.run({ x: feed });
        for (const name of compiled.outputs) {
          expect(got[name]!.shape).toEqual(want[name]!.shape);
          expect(Array.from(await got[name]!.data())).toEqual(Array.from(await want[name]!.data()));
        }
        expect(Array.from(await got[compiled.outputs[0]!]!.data()).some(Number.isNaN)).toBe(true);
        for (const out of [got, want]) for (const t of Object.values(out)) t.dispose();
        compiled.dispose();
        reference.dispose();
        feed.dispose();
        expect(tf.memory().numTensors).toBe(start);
      }
    });
  }
});
