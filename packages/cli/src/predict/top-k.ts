/** One class of a sample's ranking. */
export interface RankedClass {
  readonly index: number;
  readonly probability: number;
}

/**
 * Softmax of row `row` of a [rows, width] matrix of logits, in double precision with the row's
 * maximum subtracted first, so large logits do not overflow exp.
 */
export function softmaxRow(logits: Float32Array, row: number, width: number): Float64Array {
  const out = new Float64Array(width);
  const base = row * width;
  let max = -Infinity;
  for (let j = 0; j < width; j++) if (logits[base + j]! > max) max = logits[base + j]!;
  let sum = 0;
  for (let j = 0; j < width; j++) {
    const e = Math.exp(logits[base + j]! - max);
    out[j] = e;
    sum += e;
  }
  for (let j = 0; j < width; j++) out[j]! /= sum;
  return out;
}

/** The k most probable classes, most probable first; ties go to the lower class index. */
export function topK(probabilities: ArrayLike<number>, k: number): RankedClass[] {
  const order = Array.from({ length: probabilities.length }, (_, i) => i);
  // NaN ranks last, so a broken output row still lists its real values first.
  const key = (i: number): number => (Number.isNaN(probabilities[i]!) ? -Infinity : probabilities[i]!);
  order.sort((a, b) => key(b) - key(a) || a - b);
  return order.slice(0, Math.min(k, order.length)).map((index) => ({ index, probability: probabilities[index]! }));
}
