import { type ClassificationReport, type ConfusionMatrix, F, type Module, accuracy, argmaxRows, classificationReport, confusionMatrix, noGrad, tidy } from '@cnnkit/core';
import type { EncodedSplit } from './prepare-data';

export interface Evaluation {
  readonly accuracy: number;
  readonly confusion: ConfusionMatrix;
  readonly report: ClassificationReport;
  readonly seconds: number;
}

/** Predicts every review of `split` in eval mode (dropout off, no tape), batch by batch, and scores the predictions. */
export async function evaluate(model: Module, split: EncodedSplit, sequenceLength: number, numClasses: number, batchSize = 500): Promise<Evaluation> {
  const started = performance.now();
  model.eval();
  const predicted = new Int32Array(split.size);
  try {
    for (let start = 0; start < split.size; start += batchSize) {
      const count = Math.min(batchSize, split.size - start);
      const logits = noGrad(() => tidy(() => model.call(F.tensor(split.ids.subarray(start * sequenceLength, (start + count) * sequenceLength), [count, sequenceLength], 'int32'))));
      try {
        predicted.set(argmaxRows((await logits.data()) as Float32Array, numClasses), start);
      } finally {
        logits.dispose();
      }
    }
  } finally {
    model.train();
  }
  const confusion = confusionMatrix(predicted, split.labels, numClasses);
  return { accuracy: accuracy(predicted, split.labels), confusion, report: classificationReport(confusion), seconds: (performance.now() - started) / 1000 };
}
