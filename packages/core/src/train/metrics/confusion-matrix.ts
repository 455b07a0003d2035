import { checkLabels, checkNumClasses, checkSameLength } from './check-labels';

/**
 * counts[t * numClasses + p] = number of samples of true class t predicted as p (rows are the
 * truth, columns the prediction, as in sklearn.metrics.confusion_matrix).
 */
export interface ConfusionMatrix {
  readonly numClasses: number;
  readonly counts: Int32Array;
}

export function confusionMatrix(predicted: Int32Array, target: Int32Array, numClasses: number): ConfusionMatrix {
  const where = `confusionMatrix(numClasses = ${numClasses})`;
  checkNumClasses(numClasses, where);
  checkSameLength(predicted, target, ['predicted', 'target'], where);
  checkLabels(predicted, numClasses, 'predicted', where);
  checkLabels(target, numClasses, 'target', where);
  const counts = new Int32Array(numClasses * numClasses);
  for (let i = 0; i < target.length; i++) counts[target[i]! * numClasses + predicted[i]!]!++;
  return { numClasses, counts };
}

/** Adds b's counts into a (same numClasses), e.g. to merge per-batch matrices. */
export function addConfusion(a: ConfusionMatrix, b: ConfusionMatrix): ConfusionMatrix {
  checkSameLength(a.counts, b.counts, ['a.counts', 'b.counts'], 'addConfusion');
  const counts = new Int32Array(a.counts.length);
  for (let i = 0; i < counts.length; i++) counts[i] = a.counts[i]! + b.counts[i]!;
  return { numClasses: a.numClasses, counts };
}
