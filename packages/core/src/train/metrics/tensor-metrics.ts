import { CnnkitError } from '../../errors';
import type { Tensor } from '../../tensor/tensor';
import { accuracy, argmaxRows, topKAccuracy } from './accuracy';
import { type ConfusionMatrix, confusionMatrix } from './confusion-matrix';

// Thin helpers over tensors: read to the host once (await data(), so async-only backends work)
// and hand over to the pure functions.

async function scoresAndLabels(logits: Tensor, target: Tensor, where: string): Promise<{ scores: Float32Array; classes: number; labels: Int32Array }> {
  if (logits.rank !== 2 || logits.dtype !== 'float32') {
    throw new CnnkitError('SHAPE_MISMATCH', `${where}: logits are ${logits.dtype} [${logits.shape.join(', ')}]; expected float32 [N, classes]`);
  }
  if (target.rank !== 1 || target.dtype !== 'int32' || target.shape[0] !== logits.shape[0]) {
    throw new CnnkitError('SHAPE_MISMATCH', `${where}: target is ${target.dtype} [${target.shape.join(', ')}]; expected int32 [${logits.shape[0]}] class indices`);
  }
  const [scores, labels] = await Promise.all([logits.data(), target.data()]);
  return { scores: scores as Float32Array, classes: logits.shape[1]!, labels: labels as Int32Array };
}

/** Accuracy of argmax(logits, 1) against int32 targets. */
export async function accuracyOf(logits: Tensor, target: Tensor): Promise<number> {
  const { scores, classes, labels } = await scoresAndLabels(logits, target, 'accuracyOf');
  return accuracy(argmaxRows(scores, classes), labels);
}

export async function topKAccuracyOf(logits: Tensor, target: Tensor, k: number): Promise<number> {
  const { scores, classes, labels } = await scoresAndLabels(logits, target, `topKAccuracyOf(k = ${k})`);
  return topKAccuracy(scores, classes, labels, k);
}

/** Confusion matrix of argmax(logits, 1) against int32 targets; numClasses defaults to the logits' width. */
export async function confusionMatrixOf(logits: Tensor, target: Tensor, numClasses?: number): Promise<ConfusionMatrix> {
  const { scores, classes, labels } = await scoresAndLabels(logits, target, 'confusionMatrixOf');
  return confusionMatrix(argmaxRows(scores, classes), labels, numClasses ?? classes);
}
