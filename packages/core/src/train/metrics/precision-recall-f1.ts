import type { ConfusionMatrix } from './confusion-matrix';

export interface AveragedScores {
  readonly precision: number;
  readonly recall: number;
  readonly f1: number;
}

export interface ClassificationReport {
  /** Per class c in 0..numClasses-1. */
  readonly precision: readonly number[];
  readonly recall: readonly number[];
  readonly f1: readonly number[];
  /** Number of samples whose true class is c. */
  readonly support: readonly number[];
  /** Unweighted mean over all numClasses classes (classes never seen count as 0). */
  readonly macro: AveragedScores;
  /** From the summed true / false positives and negatives; for single-label multiclass this is accuracy. */
  readonly micro: AveragedScores;
  /** Mean over classes weighted by support. */
  readonly weighted: AveragedScores;
}

/** a / b, or 0 where b is 0: sklearn's zero_division=0. */
const ratio = (a: number, b: number): number => (b === 0 ? 0 : a / b);

/**
 * Precision, recall and F1 per class and averaged, as sklearn's precision_recall_fscore_support
 * with labels = range(numClasses) and zero_division = 0: an undefined ratio (no predictions of a
 * class, no samples of it) is 0, and F1 = 2·tp / (2·tp + fp + fn).
 */
export function classificationReport(cm: ConfusionMatrix): ClassificationReport {
  const { numClasses: n, counts } = cm;
  const precision: number[] = [];
  const recall: number[] = [];
  const f1: number[] = [];
  const support: number[] = [];
  let tpSum = 0;
  let predictedSum = 0;
  let supportSum = 0;
  for (let c = 0; c < n; c++) {
    const tp = counts[c * n + c]!;
    let predicted = 0;
    let actual = 0;
    for (let k = 0; k < n; k++) {
      predicted += counts[k * n + c]!;
      actual += counts[c * n + k]!;
    }
    precision.push(ratio(tp, predicted));
    recall.push(ratio(tp, actual));
    f1.push(ratio(2 * tp, predicted + actual));
    support.push(actual);
    tpSum += tp;
    predictedSum += predicted;
    supportSum += actual;
  }
  const mean = (xs: number[]): number => ratio(xs.reduce((s, x) => s + x, 0), n);
  const weightedMean = (xs: number[]): number => ratio(xs.reduce((s, x, c) => s + x * support[c]!, 0), supportSum);
  return {
    precision, recall, f1, support,
    macro: { precision: mean(precision), recall: mean(recall), f1: mean(f1) },
    micro: { precision: ratio(tpSum, predictedSum), recall: ratio(tpSum, supportSum), f1: ratio(2 * tpSum, predictedSum + supportSum) },
    weighted: { precision: weightedMean(precision), recall: weightedMean(recall), f1: weightedMean(f1) },
  };
}
