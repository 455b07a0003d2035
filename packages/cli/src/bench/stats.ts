/** Summary of one cell's timed runs, in milliseconds. */
export interface TimingSummary {
  readonly runs: number;
  readonly medianMs: number;
  readonly p10Ms: number;
  readonly p90Ms: number;
}

/**
 * The p-th percentile (0..100) of `values` by linear interpolation between closest ranks, as
 * numpy.percentile's default: rank p/100 · (n − 1) in the sorted values. Throws on no values,
 * because a percentile of nothing would silently read as 0 ms.
 */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) throw new RangeError('percentile of no values; expected at least one timed run');
  if (!(p >= 0 && p <= 100)) throw new RangeError(`percentile p is ${p}; expected 0..100`);
  const sorted = [...values].sort((a, b) => a - b);
  const rank = (p / 100) * (sorted.length - 1);
  const lo = Math.floor(rank);
  const hi = Math.ceil(rank);
  return sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (rank - lo);
}

export function median(values: readonly number[]): number {
  return percentile(values, 50);
}

export function summarize(samplesMs: readonly number[]): TimingSummary {
  return { runs: samplesMs.length, medianMs: median(samplesMs), p10Ms: percentile(samplesMs, 10), p90Ms: percentile(samplesMs, 90) };
}

/** a / b, or undefined when either side is missing (a ratio to nothing is left blank, not 0 or ∞). */
export function ratio(a: number | undefined, b: number | undefined): number | undefined {
  return a === undefined || b === undefined || !(b > 0) ? undefined : a / b;
}
