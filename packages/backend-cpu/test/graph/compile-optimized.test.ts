import { GraphBuilder, MODEL_ZOO, Rng, Tensor, type TensorValue, type ZooOptions, createModel, seededStateDict, traceModule } from '@cnnkit/core';
import { describe, expect, it } from 'vitest';
import { createBackend } from '../../src';
import { randomTokens, randomValue } from '../trace/models';

// The optimized compile (the default) against the graph run as written, node by node with the
// plain kernels (optimize: false) — the path the conformance suite and the trace tests hold to
// PyTorch's numbers.
const optimized = createBackend();
const asWritten = createBackend({ optimize: false });

async function runBoth(graph: Parameters<typeof optimized.compile>[0], feed: TensorValue): Promise<[Float32Array, Float32Array]> {
  const results: Float32Array[] = [];
  for (const backend of [optimized, asWritten]) {
    const exe = await backend.compile(graph);
    const out = await exe.run({ [exe.inputs[0]!.name]: Tensor.fromValue(feed) });
    results.push(Float32Array.from((await out[exe.outputs[0]!]!.data()) as Float32Array));
    exe.dispose();
  }
  return [results[0]!, results[1]!];
}

const f32 = (shape: number[], values: number[]): TensorValue => ({ dtype: 'float32', shape, data: Float32Array.from(values) });

describe('cpu compile with graph optimizations', () => {
  // Seeded weights give every batchNorm running statistics far from 0 / 1, so folding does work.
  const cases: [string, ZooOptions][] = [
    ['lenet5', {}],
    ['resnet20', {}],
    ['resnet18', { inputSize: 40, numClasses: 7 }],
    ['resnet50', { inputSize: 32, numClasses: 5 }],
    ['textCnn', { vocabSize: 50, embeddingDim: 8, sequenceLength: 9 }],
  ];
  for (const [name, options] of cases) {
    it(`${name}: equals the graph run as written to float32 rounding`, async () => {
      const model = createModel(name, { ...options, rng: new Rng(3) });
      model.loadStateDict(seededStateDict(model, 5));
      model.eval();
      const { shape, dtype } = MODEL_ZOO[name]!.inputShape(options);
      const graph = traceModule(model, { shape: ['N', ...shape], dtype });
      const feed = dtype === 'int32' ? randomTokens([2, ...shape], options.vocabSize ?? 50, 9) : randomValue([2, ...shape], 9);
      const [fast, reference] = await runBoth(graph, feed);
      const scale = Math.max(...reference.map(Math.abs));
      expect(scale).toBeGreaterThan(0);
      for (let i = 0; i < reference.length; i++) {
        if (Math.abs(fast[i]! - reference[i]!) > 1e-5 * scale) expect.fail(`${name} output[${i}]: ${fast[i]} optimized, ${reference[i]} as written (scale ${scale})`);
      }
    });
  }

  it('folds batchNorm and fuses relu in a hand-worked conv → batchNorm → relu', async () => {
    // 1×1 conv, weight 2, bias 1; batchNorm scale 3, shift −1, mean 2, var 8, epsilon 1:
    // y = relu(((2x + 1) − 2) · 3/3 − 1) = relu(2x − 2).
    const g = new GraphBuilder('cbr');
    g.input('x', 'float32', [1, 1, 1, 4]);
    g.initializer('w', f32([1, 1, 1, 1], [2]));
    g.initializer('b', f32([1], [1]));
    for (const [name, v] of [['scale', 3], ['shift', -1], ['mean', 2], ['var', 8]] as const) g.initializer(name, f32([1], [v]));
    const c = g.op('conv2d', ['x', 'w', 'b'], {}, 'conv');
    const n = g.op('batchNorm', [c, 'scale', 'shift', 'mean', 'var'], { epsilon: 1 }, 'bn');
    const graph = g.output(g.op('relu', [n], {}, 'act')).build();
    const [fast, reference] = await runBoth(graph, f32([1, 1, 1, 4], [-1, 0.5, 1.5, 3]));
    expect([...reference]).toEqual([0, 0, 1, 4]);
    expect([...fast]).toEqual([0, 0, 1, 4]);
  });

  it('writes a residual add into the dead convolution output, never into the caller\'s input, run after run', async () => {
    // y = relu(x + conv(x)) with a 1×1 conv of weight −2: relu(−x).
    const g = new GraphBuilder('residual');
    g.input('x', 'float32', [1, 1, 2, 2]);
    g.initializer('w', f32([1, 1, 1, 1], [-2]));
    const c = g.op('conv2d', ['x', 'w'], {}, 'conv');
    const graph = g.output(g.op('relu', [g.op('add', ['x', c], {}, 'sum')], {}, 'act')).build();
    const exe = await optimized.compile(graph);
    const x = Tensor.fromValue(f32([1, 1, 2, 2], [1, -2, 3, -4]));
    for (let run = 0; run < 3; run++) {
      const out = await exe.run({ x });
      expect([...((await out[exe.outputs[0]!]!.data()) as Float32Array)]).toEqual([0, 2, 0, 4]);
      expect([...((await x.data()) as Float32Array)]).toEqual([1, -2, 3, -4]);
    }
    exe.dispose();
  });

  it('propagates NaN through a fused convolution + relu as the relu kernel does', async () => {
    const g = new GraphBuilder('nan');
    g.input('x', 'float32', [1, 1, 1, 3]);
    g.initializer('w', f32([2, 1, 1, 1], [1, -1]));
    const graph = g.output(g.op('relu', [g.op('conv2d', ['x', 'w'], {}, 'conv')], {}, 'act')).build();
    const [fast, reference] = await runBoth(graph, f32([1, 1, 1, 3], [Number.NaN, 2, -3]));
    expect([...reference]).toEqual([Number.NaN, 2, 0, Number.NaN, 0, 3]);
    expect([...fast]).toEqual([...reference]);
  });

  it('refuses an optimize option that is not a boolean, naming it', () => {
    expect(() => createBackend({ optimize: 'yes' as unknown as boolean })).toThrow(/optimize "yes"; expected true or false/);
  });
});
