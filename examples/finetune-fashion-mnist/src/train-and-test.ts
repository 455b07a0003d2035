import {
  Adam, CosineAnnealingLR, type Module, ProgressCallback, Rng, type Tensor, argmaxRows, crossEntropy, fit, noGrad,
} from '@cnnkit/core';
import type { DataSource } from '@cnnkit/core';

export interface TrainOptions {
  readonly epochs: number;
  readonly lr: number;
  readonly seed: number;
  readonly label: string;
}

/** Adam on the trainable parameters only, cosine-annealed per step; returns nothing, trains in place. */
export async function trainModel(model: Module, train: DataSource, o: TrainOptions): Promise<void> {
  const trainable = model.parameters().filter((p) => p.requiresGrad);
  const optimizer = new Adam(trainable, { lr: o.lr });
  const schedule = new CosineAnnealingLR(optimizer, o.epochs * train.numBatches!);
  await fit(model, {
    train, epochs: o.epochs, seed: o.seed, optimizer, schedule, scheduleEvery: 'batch', metrics: ['accuracy'],
    loss: (logits: Tensor, labels: Tensor) => crossEntropy(logits, labels),
    callbacks: [new ProgressCallback({ write: (line) => void process.stdout.write(`  [${o.label}] ${line}`) })],
  });
  optimizer.dispose();
}

/** Share of the source's samples whose argmax equals the label, in eval mode. */
export async function testAccuracy(model: Module, test: DataSource, numClasses: number): Promise<number> {
  model.eval();
  let correct = 0;
  let seen = 0;
  for (const batch of test.batches(0, new Rng(0))) {
    const logits = noGrad(() => model.call(batch.x));
    const predicted = argmaxRows((await logits.data()) as Float32Array, numClasses);
    const labels = await batch.y.data();
    predicted.forEach((p, i) => (correct += p === labels[i] ? 1 : 0));
    seen += predicted.length;
    for (const t of [logits, batch.x, batch.y]) t.dispose();
  }
  model.train();
  return correct / seen;
}
