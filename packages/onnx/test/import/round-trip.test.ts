// cnnkit -> ONNX -> cnnkit: zoo models traced with a symbolic batch, exported with exportOnnx and
// imported again come back as the same ops on the same weights (state-dict names), and compute
// the same outputs (to float32 rounding) on the cpu backend at two batch sizes.
import { MODEL_ZOO, Rng, Tensor, type TensorValue, type ValidatedGraph, type ZooOptions, createModel, traceModule } from '@cnnkit/core';
import { createBackend } from '@cnnkit/backend-cpu';
import { describe, expect, it } from 'vitest';
import { exportOnnx } from '../../src/export';
import { importOnnx } from '../../src/import';

const MODELS: readonly { readonly name: string; readonly options: ZooOptions }[] = [
  { name: 'lenet5', options: {} },
  { name: 'resnet20', options: {} },
  { name: 'resnet18', options: { inputSize: 32 } },
  { name: 'textCnn', options: { vocabSize: 50, sequenceLength: 12 } },
  // At 32x32 VGG's features end at 1x1 and the adaptive pool to 7x7 traces as slices and means.
  { name: 'vgg11_bn', options: { inputSize: 32, numClasses: 10 } },
];

function opCounts(graph: ValidatedGraph): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const n of graph.nodes) counts[n.op] = (counts[n.op] ?? 0) + 1;
  return counts;
}

function seededInput(shape: readonly number[], dtype: 'float32' | 'int32', seed: number, high = 50): TensorValue {
  const rng = new Rng(seed);
  const size = shape.reduce((a, b) => a * b, 1);
  const data = dtype === 'int32' ? Int32Array.from({ length: size }, () => Math.floor(rng.nextFloat() * high)) : Float32Array.from({ length: size }, () => rng.uniform(-1, 1));
  return { dtype, shape, data };
}

async function run(graph: ValidatedGraph, input: TensorValue): Promise<Float32Array> {
  const exe = await createBackend().compile(graph);
  const out = await exe.run({ [graph.inputs[0]!.name]: Tensor.fromValue(input) });
  const data = (await out[graph.outputs[0]!]!.data()) as Float32Array;
  exe.dispose();
  return data;
}

describe('zoo models through exportOnnx and back through importOnnx', () => {
  for (const { name, options } of MODELS) {
    it(`${name}: same ops, same weights, same outputs`, async () => {
      const model = createModel(name, { ...options, rng: new Rng(11) }).eval();
      const { shape, dtype } = MODEL_ZOO[name]!.inputShape(options);
      const original = traceModule(model, { shape: ['N', ...shape], dtype }, { copyState: false });
      const imported = importOnnx(exportOnnx(original), { source: `${name}.onnx` });

      expect(opCounts(imported)).toEqual(opCounts(original));
      expect(Object.keys(imported.initializers).sort()).toEqual(Object.keys(original.initializers).sort());
      expect(imported.inputs).toEqual(original.inputs);
      expect(imported.types.get(imported.outputs[0]!)).toEqual(original.types.get(original.outputs[0]!));
      for (const batch of [1, 3]) {
        const input = seededInput([batch, ...shape], dtype as 'float32' | 'int32', batch, options.vocabSize);
        const [want, got] = [await run(original, input), await run(imported, input)];
        // ONNX stores batch norm's epsilon as a float (1e-5 comes back as 9.99999974e-6), so
        // outputs may differ in the last bits of float32: compare within a few float32 ulps of
        // the logits' scale rather than bit for bit.
        const scale = Math.max(...Array.from(want, Math.abs));
        const worst = Math.max(...Array.from(got, (g, i) => Math.abs(g - want[i]!)));
        expect(got.length, `batch ${batch}`).toBe(want.length);
        expect(worst, `batch ${batch}: largest |difference| against a logit scale of ${scale}`).toBeLessThanOrEqual(4 * 2 ** -23 * scale);
      }
    }, 120_000);
  }
});
