/**
 * LeNet-5 on MNIST, the way a PyTorch user would write it: data loaders, a model from the zoo,
 * Adam with a per-iteration cosine schedule, fit with progress and checkpoints, then test-set
 * metrics, the weights as safetensors and the model as ONNX.
 *
 *   pnpm --filter @cnnkit/example-mnist-lenet start                 # 3 epochs, ~99.1% test accuracy
 *   pnpm --filter @cnnkit/example-mnist-lenet start -- --limit 6000 --epochs 1   # a quick look
 */
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import {
  Adam, CosineAnnealingLR, ModelCheckpoint, ProgressCallback, type Tensor, classificationReport, confusionMatrix, createBackend,
  Rng, argmaxRows, createModel, crossEntropy, fit, noGrad, setBackend, traceModule, writeFileAtomic, writeSafetensors,
} from '@cnnkit/core';
import { MNIST_NORMALIZATION, imageDataLoader, loadMnist, normalize } from '@cnnkit/datasets';
import { exportOnnx } from '@cnnkit/onnx';

const here = path.dirname(new URL(import.meta.url).pathname);
const { values } = parseArgs({
  options: {
    epochs: { type: 'string', default: '3' },
    limit: { type: 'string' },
    backend: { type: 'string', default: process.env['CNNKIT_BACKEND'] ?? 'cpu' },
    out: { type: 'string', default: path.join(here, '..', 'out') },
    seed: { type: 'string', default: '1' },
  },
});
const epochs = Number(values.epochs);
const limit = values.limit === undefined ? undefined : Number(values.limit);
await mkdir(values.out, { recursive: true });

const backend = await createBackend(values.backend);
setBackend(backend);
const info = await backend.info();
console.log(`backend ${info.name} on ${info.device}: ${info.description}`);

// Data: 60,000 training and 10,000 test digits, scaled to [0, 1] then normalised (torchvision's MNIST constants).
const train = await loadMnist('train', limit === undefined ? {} : { limit });
const test = await loadMnist('test');
const transform = normalize(MNIST_NORMALIZATION.mean, MNIST_NORMALIZATION.std);
const trainLoader = imageDataLoader(train, { batchSize: 64, shuffle: true, transform });
const testLoader = imageDataLoader(test, { batchSize: 500, transform });

// Model and optimiser: Adam at 2e-3 annealed to 0 over every step (the recipe reaches 99% in 3 epochs).
const model = createModel('lenet5');
await model.toBackend();
const optimizer = new Adam(model.parameters(), { lr: 2e-3 });
const schedule = new CosineAnnealingLR(optimizer, epochs * trainLoader.numBatches!);

const result = await fit(model, {
  train: trainLoader, validation: testLoader, epochs, seed: Number(values.seed),
  loss: (logits: Tensor, labels: Tensor) => crossEntropy(logits, labels),
  optimizer, schedule, scheduleEvery: 'batch', metrics: ['accuracy'],
  callbacks: [new ProgressCallback(), new ModelCheckpoint(path.join(values.out, 'checkpoint.safetensors'))],
});

// Test-set metrics: every prediction, then a confusion matrix and per-class precision / recall / F1.
model.eval();
const predictions = new Int32Array(test.count);
let offset = 0;
for (const batch of testLoader.batches(0, new Rng(0))) {
  const logits = noGrad(() => model.call(batch.x));
  const rows = argmaxRows((await logits.data()) as Float32Array, 10);
  predictions.set(rows, offset);
  offset += rows.length;
  for (const t of [logits, batch.x, batch.y]) t.dispose();
}
const report = classificationReport(confusionMatrix(predictions, test.labels, 10));
const accuracy = predictions.reduce((n, p, i) => n + (p === test.labels[i] ? 1 : 0), 0) / test.count;
console.log(`test accuracy ${(100 * accuracy).toFixed(2)}%  macro precision ${report.macro.precision.toFixed(4)} recall ${report.macro.recall.toFixed(4)} F1 ${report.macro.f1.toFixed(4)}`);
for (let c = 0; c < 10; c++) {
  console.log(`  digit ${c}: precision ${report.precision[c]!.toFixed(4)}  recall ${report.recall[c]!.toFixed(4)}  F1 ${report.f1[c]!.toFixed(4)}  (${report.support[c]} images)`);
}

// Artefacts: weights (safetensors, PyTorch's names) and the eval-mode model as ONNX with a symbolic batch.
const weightsFile = path.join(values.out, 'lenet5.safetensors');
await writeSafetensors(weightsFile, await model.stateDict());
const graph = traceModule(model, { shape: ['N', 1, 28, 28], dtype: 'float32' }, { name: 'lenet5' });
const onnxFile = path.join(values.out, 'lenet5.onnx');
await writeFileAtomic(onnxFile, exportOnnx(graph, { producerName: 'cnnkit', modelName: 'lenet5' }));
console.log(`${result.epochs} epochs, ${result.steps} steps; wrote ${weightsFile} and ${onnxFile}`);
