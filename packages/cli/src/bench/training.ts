import { Adam, type Backend, Rng, type Tensor, arrayDataSource, createModel, crossEntropy, fit, setBackend } from '@cnnkit/core';
import type { ImageDataset } from '@cnnkit/datasets';

export const TRAIN_BATCH = 64;
const WARMUP_STEPS = 10;
const MNIST_MEAN = 0.1307;
const MNIST_STD = 0.3081;

export interface TrainingThroughput {
  readonly steps: number;
  readonly seconds: number;
  readonly samplesPerSecond: number;
}

/** `count` normalised MNIST digits starting at `start` (wrapping), as fit() takes them. */
function slice(mnist: ImageDataset, start: number, count: number): { x: Float32Array; y: Int32Array } {
  const x = new Float32Array(count * 784);
  const y = new Int32Array(count);
  for (let i = 0; i < count; i++) {
    const j = (start + i) % mnist.count;
    for (let p = 0; p < 784; p++) x[i * 784 + p] = (mnist.images[j * 784 + p]! - MNIST_MEAN) / MNIST_STD;
    y[i] = mnist.labels[j]!;
  }
  return { x, y };
}

/**
 * LeNet-5 training throughput on real MNIST with cnnkit's fit() on an eager backend: batch 64,
 * Adam 1e-3, cross-entropy, shuffled, the same recipe bench_torch.py gives PyTorch. Ten untimed
 * steps first; their time sizes the timed run to at most `steps` steps or about `seconds`.
 */
export async function benchLenetTraining(backend: Backend, mnist: ImageDataset, steps: number, seconds: number): Promise<TrainingThroughput> {
  setBackend(backend);
  const model = createModel('lenet5', { rng: new Rng(1) });
  try {
    await model.toBackend(backend);
    const optimizer = new Adam(model.parameters(), { lr: 1e-3 });
    const run = async (start: number, count: number): Promise<number> => {
      const { x, y } = slice(mnist, start, count * TRAIN_BATCH);
      const train = arrayDataSource({ x, y, sampleShape: [1, 28, 28], batchSize: TRAIN_BATCH, shuffle: true, dropLast: true });
      const t0 = performance.now();
      await fit(model, { train, epochs: 1, seed: 1, optimizer, loss: (out: Tensor, target: Tensor) => crossEntropy(out, target) });
      return (performance.now() - t0) / 1000;
    };
    const warm = await run(0, WARMUP_STEPS);
    const timedSteps = Math.max(5, Math.min(steps, Math.floor((seconds * WARMUP_STEPS) / warm)));
    const took = await run(WARMUP_STEPS * TRAIN_BATCH, timedSteps);
    return { steps: timedSteps, seconds: took, samplesPerSecond: (timedSteps * TRAIN_BATCH) / took };
  } finally {
    model.dispose();
  }
}
