/**
 * One model, many backends: the same LeNet-5 (trained weights from the mnist-lenet example when
 * present, else seeded ones) is traced once into a graph and run on every backend the
 * configuration names. Nothing in the model code mentions a backend.
 *
 *   pnpm --filter @cnnkit/example-swap-backends start                       # backends.json
 *   CNNKIT_BACKEND=tfjs pnpm --filter @cnnkit/example-swap-backends start   # one backend
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { type Backend, Tensor, createBackend, createModel, readSafetensors, traceModule } from '@cnnkit/core';
import { MNIST_NORMALIZATION, loadMnist } from '@cnnkit/datasets';
import { readBackendChoices } from './config';

const here = path.dirname(new URL(import.meta.url).pathname);
const { values } = parseArgs({
  options: {
    config: { type: 'string', default: path.join(here, '..', 'backends.json') },
    weights: { type: 'string', default: path.join(here, '..', '..', 'mnist-lenet', 'out', 'lenet5.safetensors') },
    samples: { type: 'string', default: '1000' },
  },
});

// The model: built and loaded once, on the host; tracing needs no backend.
const model = createModel('lenet5');
const trained = existsSync(values.weights);
if (trained) model.loadStateDict(Object.fromEntries((await readSafetensors(values.weights)).tensors));
model.eval();
const graph = traceModule(model, { shape: ['N', 1, 28, 28], dtype: 'float32' }, { name: 'lenet5' });
console.log(`LeNet-5 with ${trained ? `trained weights from ${values.weights}` : 'seeded (untrained) weights: run the mnist-lenet example first for trained ones'}`);

// The data: MNIST test digits, normalised as the model was trained.
const test = await loadMnist('test', { limit: Number(values.samples) });
const { mean, std } = MNIST_NORMALIZATION;
const images = test.images.map((v) => (v - mean[0]) / std[0]);

async function classify(backend: Backend): Promise<{ predictions: Int32Array; ms: number }> {
  const exe = await backend.compile(graph);
  try {
    const began = performance.now();
    const value = { dtype: 'float32' as const, shape: [test.count, 1, 28, 28], data: images };
    const input = backend.fromHost ? backend.fromHost(value) : Tensor.fromValue(value);
    const outputs = await exe.run({ [exe.inputs[0]!.name]: input });
    const logits = await outputs[exe.outputs[0]!]!.data();
    const ms = performance.now() - began;
    for (const t of [input, ...Object.values(outputs)]) t.dispose();
    const predictions = new Int32Array(test.count);
    for (let i = 0; i < test.count; i++) {
      let best = 0;
      for (let c = 1; c < 10; c++) if (logits[i * 10 + c]! > logits[i * 10 + best]!) best = c;
      predictions[i] = best;
    }
    return { predictions, ms };
  } finally {
    exe.dispose();
  }
}

let first: Int32Array | undefined;
for (const choice of await readBackendChoices(values.config)) {
  let backend: Backend;
  try {
    backend = await createBackend(choice.name, choice.options);
  } catch (error) {
    console.log(`${choice.name} ${JSON.stringify(choice.options)}: not available (${(error as Error).message.split('\n')[0]})`);
    continue;
  }
  const info = await backend.info();
  const { predictions, ms } = await classify(backend);
  first ??= predictions;
  let correct = 0;
  let same = 0;
  for (let i = 0; i < test.count; i++) {
    if (predictions[i] === test.labels[i]) correct++;
    if (predictions[i] === first[i]) same++;
  }
  console.log(`${info.name.padEnd(12)} on ${info.device.padEnd(5)} accuracy ${((100 * correct) / test.count).toFixed(2)}%  same predictions as the first backend ${((100 * same) / test.count).toFixed(2)}%  ${ms.toFixed(0)} ms for ${test.count} images`);
  await backend.dispose?.();
}
