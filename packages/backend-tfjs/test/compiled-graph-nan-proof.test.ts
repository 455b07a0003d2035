import { GraphBuilder, compileWithKernels, validateGraph } from '@cnnkit/core';
import * as tf from '@tensorflow/tfjs-core';
import { describe, expect, it, vi } from 'vitest';
import { createBackend } from '../src';
import { planOverflowProof } from '../src/graph/overflow-bound';

/**
 * x [N, 1, 4, 4] → conv 3×3 pad 1 (2 maps, bias) → relu → maxPool 2 → flatten → linear 8→3 → relu
 * → linear 3→2: two relus the compiled graph folds into the step before them when a run is proved
 * free of NaN, and one max pool, with weights of a hand-checkable size.
 */
function smallNet(scale = 1) {
  const g = new GraphBuilder('proof');
  const x = g.input('x', 'float32', ['N', 1, 4, 4]);
  const w = g.initializer('w', { dtype: 'float32', shape: [2, 1, 3, 3], data: Float32Array.from({ length: 18 }, (_, i) => scale * (i % 2 ? 0.5 : -0.25)) });
  const b = g.initializer('b', { dtype: 'float32', shape: [2], data: Float32Array.from([0.1, -0.2]) });
  const w1 = g.initializer('w1', { dtype: 'float32', shape: [3, 8], data: Float32Array.from({ length: 24 }, (_, i) => scale * ((i % 5) - 2) / 4) });
  const w2 = g.initializer('w2', { dtype: 'float32', shape: [2, 3], data: Float32Array.from([1, -1, 0.5, -0.5, 2, 1]) });
  const pooled = g.op('maxPool2d', [g.op('relu', [g.op('conv2d', [x, w, b], { pads: [1, 1, 1, 1] })])], { kernelSize: 2 });
  const hidden = g.op('relu', [g.op('linear', [g.op('flatten', [pooled]), w1])]);
  g.output(g.op('linear', [hidden, w2]));
  return g.build();
}

describe('overflow bound (which values of a run may go through tfjs\'s NaN-dropping ops)', () => {
  it('bounds each value by Σ|weights| × its input\'s bound + |bias|; proves nothing at 2^100, on NaN, or past an op it does not cover', () => {
    const graph = validateGraph(smallNet());
    const out = graph.outputs[0]!;
    const check = planOverflowProof(graph);
    const proof = (bounds: Map<string, number>): boolean => check(bounds).has(out);
    // By hand, the largest Σ|row| of each weight: conv 3.5 (map 0: five 0.25s and four 0.5s = 3.25;
    // map 1: five 0.5s and four 0.25s = 3.5), linear 1: 2.75 (rows of 8 from (i mod 5 − 2)/4),
    // linear 2: 3.5. An input bound B gives ((3.5·B + 0.2)·2.75)·3.5 ≈ 33.7·B at the output:
    // B = 2^90 passes, B = 2^96 (≈ 2^101 out) does not.
    expect(proof(new Map([['x', 16]]))).toBe(true);
    expect(proof(new Map([['x', 2 ** 90]]))).toBe(true);
    expect(proof(new Map([['x', 2 ** 96]]))).toBe(false);
    expect(proof(new Map([['x', Number.NaN]]))).toBe(false);
    expect(proof(new Map([['x', Infinity]]))).toBe(false);
    // Weights large enough to overflow float32 from an ordinary input: the values before them are
    // proved (the input, the weights), the convolution's output and everything after it are not.
    const huge = validateGraph(smallNet(1e30));
    const proved = planOverflowProof(huge)(new Map([['x', 16]]));
    expect(proved.has('x')).toBe(true);
    expect(huge.nodes.every((n) => n.outputs.every((name) => !proved.has(name)))).toBe(true);
    // An op it does not cover (sigmoid): its output is not proved, the relu before it is.
    const g = new GraphBuilder('other');
    g.output(g.op('sigmoid', [g.op('relu', [g.input('x', 'float32', ['N', 3])])]));
    const other = validateGraph(g.build());
    const provedOther = planOverflowProof(other)(new Map([['x', 1]]));
    expect(provedOther.has(other.nodes[0]!.outputs[0]!)).toBe(true);
    expect(provedOther.has(other.outputs[0]!)).toBe(false);
  });
});

describe('compiled graph on engines with cheap reads: fused relus when a run is proved NaN-free, NaN kept otherwise', () => {
  for (const engine of ['cpu', 'wasm'] as const) {
    it(`${engine}: same numbers as core's interpreter over the kernels, NaN and overflow included; one value read back a run`, async () => {
      const b = await createBackend({ engine });
      const start = tf.memory().numTensors;
      for (const scale of [1, 1e19]) {
        const graph = smallNet(scale);
        const compiled = await b.compile(graph);
        const reference = compileWithKernels(graph, { backend: b.name, kernels: b.kernels, upload: b.fromHost });
        const base = Array.from({ length: 16 }, (_, i) => Math.sin(i + 1) * 3);
        const inputs: [string, number[]][] = [
          ['finite', base],
          ['a NaN', base.map((v, i) => (i === 5 ? Number.NaN : v))],
          ['an infinity', base.map((v, i) => (i === 9 ? -Infinity : v))],
          ['values that overflow in the convolution', base.map((v) => v * 1e19)],
        ];
        for (const [name, data] of inputs) {
          const feed = b.fromHost({ dtype: 'float32', shape: [1, 1, 4, 4], data: Float32Array.from(data) });
          const reads = vi.spyOn(tf.Tensor.prototype, 'dataSync');
          const got = await compiled.run({ x: feed });
          const readsInRun = reads.mock.calls.length;
          reads.mockRestore();
          const want = await reference.run({ x: feed });
          const out = compiled.outputs[0]!;
          const [g, w] = [Array.from(await got[out]!.data()), Array.from(await want[out]!.data())];
          const label = `scale ${scale}, ${name}: ${g.join(', ')} against ${w.join(', ')}`;
          g.forEach((v, i) => {
            if (Number.isNaN(w[i]!)) expect(v, label).toBeNaN();
            else if (v !== w[i]) expect(Math.abs(v - w[i]!), label).toBeLessThanOrEqual(1e-5 * Math.max(1, Math.abs(w[i]!)));
          });
          // The run's one read: the input's Σ|x| (no op reads data back).
          expect(readsInRun, label).toBe(1);
          for (const r of [got, want]) for (const t of Object.values(r)) t.dispose();
          feed.dispose();
        }
        compiled.dispose();
        reference.dispose();
      }
      expect(tf.memory().numTensors).toBe(start);
    });
  }
});

describe('relu keeps NaN of either sign', () => {
  it('wasm: the NaN arithmetic makes (sign bit set) stays NaN, as torch.relu', async () => {
    const b = await createBackend({ engine: 'wasm' });
    const data = new Float32Array([1, -1, 0, Infinity, -Infinity, Number.NaN, Number.NaN]);
    new Uint32Array(data.buffer)[6] = 0xffc00000;
    const x = b.fromHost({ dtype: 'float32', shape: [7], data });
    const [y] = b.kernels.relu!([x], {});
    expect(Array.from(await y!.data())).toEqual([1, 0, 0, Infinity, 0, Number.NaN, Number.NaN]);
    y!.dispose();
    x.dispose();
  });
});
