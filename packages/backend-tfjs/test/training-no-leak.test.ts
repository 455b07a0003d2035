import {
  Adam, AvgPool2d, BatchNorm2d, Conv2d, F, Flatten, Linear, MaxPool2d, ReLU, Rng, SGD, Sequential,
  arrayDataSource, backward, crossEntropy, fit, keep, setBackend, tidy,
} from '@cnnkit/core';
import * as tf from '@tensorflow/tfjs-core';
import { describe, expect, it } from 'vitest';
import { createBackend } from '../src';

const BATCH = 8;
const SIDE = 8;
const CLASSES = 3;

/**
 * A small conv net that runs most training kernels: conv2d (both backward kernels), training-mode
 * batch norm (batchNormTraining / batchNormBackward, and running statistics updated under noGrad),
 * max and average pools and their backward kernels, linear and the cross-entropy pieces.
 */
function smallNet(rng: Rng): Sequential {
  return new Sequential(
    new Conv2d(1, 4, 3, { padding: 1, rng }), new BatchNorm2d(4), new ReLU(), new MaxPool2d(2),
    new Conv2d(4, 6, 3, { padding: 1, rng }), new ReLU(), new AvgPool2d(2),
    new Flatten(), new Linear(6 * 2 * 2, CLASSES, { rng }),
  );
}

function data(rng: Rng): { images: Float32Array; labels: Int32Array } {
  const images = Float32Array.from({ length: BATCH * SIDE * SIDE }, () => rng.nextNormal());
  const labels = Int32Array.from({ length: BATCH }, (_, i) => i % CLASSES);
  return { images, labels };
}

describe.each(['cpu', 'wasm'] as const)('tfjs:%s training leaks no tensors', (engine) => {
  it('tf.memory().numTensors is flat across 100 steps of backward / Adam step / zeroGrad', async () => {
    setBackend(await createBackend({ engine }));
    const rng = new Rng(7);
    const model = smallNet(rng);
    const { images, labels } = data(rng);
    const x = keep(F.tensor(images, [BATCH, 1, SIDE, SIDE]));
    const y = keep(F.tensor(labels, [BATCH], 'int32'));
    const optimizer = new Adam(model.parameters(), { lr: 0.01 });
    const step = async (): Promise<number> => {
      optimizer.zeroGrad();
      const loss = tidy(() => backward(() => crossEntropy(model.call(x), y), model.parameters()));
      const value = (await loss.data())[0]!;
      loss.dispose();
      optimizer.step();
      return value;
    };
    try {
      // The first step creates what lives for the whole run: Adam's moments, the gradients.
      const first = await step();
      const baseline = tf.memory().numTensors;
      let last = first;
      for (let i = 1; i < 100; i++) {
        last = await step();
        expect(tf.memory().numTensors, `after step ${i + 1}`).toBe(baseline);
      }
      // The loop really trained (a loop that did nothing would also leak nothing).
      expect(last).toBeLessThan(first);
    } finally {
      optimizer.zeroGrad();
      optimizer.dispose();
      x.dispose();
      y.dispose();
      model.dispose();
    }
  });

  it('tf.memory().numTensors is back where it started after fit() and disposing the model', async () => {
    setBackend(await createBackend({ engine }));
    const before = tf.memory().numTensors;
    const rng = new Rng(11);
    const model = smallNet(rng);
    const { images, labels } = data(rng);
    const optimizer = new SGD(model.parameters(), { lr: 0.05, momentum: 0.9 });
    const train = arrayDataSource({ x: images, sampleShape: [1, SIDE, SIDE], y: labels, batchSize: 4, shuffle: true });
    const result = await fit(model, { train, validation: train, epochs: 25, loss: crossEntropy, optimizer, metrics: ['accuracy'], seed: 3 });
    expect(result.steps).toBe(50);
    expect(result.history[24]!['loss']).toBeLessThan(result.history[0]!['loss']!);
    optimizer.dispose();
    model.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });
});
