import { CnnkitError } from '../../errors';
import { checkSameLength, checkScores } from './check-labels';

/** Fraction of samples whose predicted label equals the target (0 for no samples). */
export function accuracy(predicted: Int32Array, target: Int32Array): number {
  checkSameLength(predicted, target, ['predicted', 'target'], 'accuracy');
  if (target.length === 0) return 0;
  let correct = 0;
  for (let i = 0; i < target.length; i++) if (predicted[i] === target[i]) correct++;
  return correct / target.length;
}

/**
 * Index of the largest score in each row of a [N, numClasses] row-major matrix. Ties go to the
 * lowest index and NaN counts as the largest value, as torch.argmax does.
 */
export function argmaxRows(scores: Float32Array, numClasses: number): Int32Array {
  const n = Math.floor(scores.length / Math.max(numClasses, 1));
  checkScores(scores, numClasses, n, 'argmaxRows');
  const out = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const row = i * numClasses;
    let best = 0;
    let bestValue = scores[row]!;
    for (let c = 1; c < numClasses && !Number.isNaN(bestValue); c++) {
      const v = scores[row + c]!;
      if (v > bestValue || Number.isNaN(v)) {
        best = c;
        bestValue = v;
      }
    }
    out[i] = best;
  }
  return out;
}

/**
 * Fraction of samples whose target is among the k highest scores of its row ([N, numClasses]
 * scores, e.g. logits). A tie is ranked by class index, lower first, and NaN as the largest
 * value, so k = 1 agrees with argmaxRows-then-accuracy.
 */
export function topKAccuracy(scores: Float32Array, numClasses: number, target: Int32Array, k: number): number {
  const where = `topKAccuracy(k = ${k})`;
  checkScores(scores, numClasses, target.length, where);
  if (!Number.isInteger(k) || k < 1) throw new CnnkitError('INVALID_ARGUMENT', `${where}: k is ${k}; expected a positive integer`);
  if (target.length === 0) return 0;
  let correct = 0;
  for (let i = 0; i < target.length; i++) {
    const t = target[i]!;
    if (t < 0 || t >= numClasses) {
      throw new CnnkitError('INVALID_ARGUMENT', `${where}: target[${i}] is ${t}; expected a class index in [0, ${numClasses})`);
    }
    const row = i * numClasses;
    const s = scores[row + t]!;
    // rank = how many classes come before the target; NaN ranks above everything, as in torch.
    let rank = 0;
    for (let c = 0; c < numClasses && rank < k; c++) {
      const v = scores[row + c]!;
      const above = Number.isNaN(s) ? Number.isNaN(v) && c < t : Number.isNaN(v) || v > s || (v === s && c < t);
      if (above) rank++;
    }
    if (rank < k) correct++;
  }
  return correct / target.length;
}
