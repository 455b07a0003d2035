import { MODEL_ZOO, Rng, Tensor, type TensorValue, type ZooOptions, countMacs, createModel, engine, setBackend, tidy, traceModule } from '@cnnkit/core';
import { beforeAll, describe, expect, it } from 'vitest';
import { createBackend } from '../../src';
import { randomTokens, randomValue } from './models';

// Graphs run as traced (optimize: false): these tests compare them with the eager forward bit
// for bit; test/graph/ checks the optimized compile against this path.
const cpu = createBackend({ optimize: false });
beforeAll(() => setBackend(cpu));

function sampleInput(name: string, options: ZooOptions, batch: number, seed: number): TensorValue {
  const { shape, dtype } = MODEL_ZOO[name]!.inputShape(options);
  return dtype === 'int32' ? randomTokens([batch, ...shape], options.vocabSize ?? 20_000, seed) : randomValue([batch, ...shape], seed);
}

describe('zoo models traced into graphs', () => {
  // Small configurations, so the eager forward and the cpu graph run in a blink.
  const cases: [string, ZooOptions][] = [
    ['lenet5', {}],
    ['resnet20', {}],
    ['resnet18', { inputSize: 32, numClasses: 7 }],
    ['resnet50', { inputSize: 32, numClasses: 5 }],
    ['textCnn', { vocabSize: 50, embeddingDim: 8, sequenceLength: 9 }],
  ];
  for (const [name, options] of cases) {
    it(`${name}: the graph (symbolic batch) gives the eager forward's outputs`, async () => {
      const model = createModel(name, { ...options, rng: new Rng(7) }).eval();
      const { shape, dtype } = MODEL_ZOO[name]!.inputShape(options);
      const graph = traceModule(model, { shape: ['N', ...shape], dtype });
      expect(graph.types.get('output')!.shape).toEqual(['N', options.numClasses ?? (name === 'textCnn' ? 2 : 10)]);
      const state = await model.stateDict();
      for (const key of Object.keys(graph.initializers)) if (!key.includes('/const_')) expect(state).toHaveProperty([key]);
      const exe = await cpu.compile(graph);
      for (const [batch, seed] of [[1, 80], [3, 81]] as const) {
        const x = sampleInput(name, options, batch, seed);
        const eager = tidy(() => model.call(engine.upload(x)));
        const out = (await exe.run({ input: Tensor.fromValue(x) })).output!;
        expect(Array.from(out.dataSync())).toEqual(Array.from(eager.dataSync()));
      }
      exe.dispose();
    });
  }
});

describe('countMacs on traced zoo models', () => {
  it('LeNet-5 and the CIFAR ResNet-20 (hand-worked)', () => {
    const macs = (name: string): number => {
      const { shape, dtype } = MODEL_ZOO[name]!.inputShape();
      return countMacs(traceModule(createModel(name, { skipInit: true }).eval(), { shape: ['N', ...shape], dtype })).total;
    };
    expect(macs('lenet5')).toBe(416_520); // 117,600 + 240,000 + 48,000 + 10,080 + 840
    // ResNet-20 on 32×32, option-A shortcuts (no weights): stem 32·32·16·27 = 442,368; stage 1 six
    // 16→16 convs 6 · 32·32·16·144 = 14,155,776; stage 2 16·16·32·144 + 5 · 16·16·32·288 =
    // 1,179,648 + 11,796,480; stage 3 8·8·64·288 + 5 · 8·8·64·576 = 1,179,648 + 11,796,480; fc 640.
    expect(macs('resnet20')).toBe(40_551_040);
  });

  // torchvision's models at 1×3×224×224, counted by fixtures/torchvision_macs.py (forward hooks).
  const torchvision: Record<string, number> = { vgg11: 7_609_090_048, resnet18: 1_814_073_344, resnet50: 4_089_184_256, resnet152: 11_513_626_624 };
  for (const [name, expected] of Object.entries(torchvision)) {
    it(`${name} at 224×224 equals torchvision's ${expected.toLocaleString('en')}`, () => {
      const graph = traceModule(createModel(name, { skipInit: true }).eval(), { shape: ['N', 3, 224, 224], dtype: 'float32' });
      expect(countMacs(graph).total).toBe(expected);
      expect(countMacs(graph, { input: [4, 3, 224, 224] }).total).toBe(4 * expected);
    });
  }
});
