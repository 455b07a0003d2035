import type { Evaluation } from './evaluate';
import type { SavedRun } from './save-run';

export interface SummaryInput {
  readonly classes: readonly string[];
  readonly evaluation: Evaluation;
  readonly trainSeconds: number;
  readonly steps: number;
  readonly target: number;
  readonly saved: SavedRun;
  /** False for a --limit run, whose accuracy says nothing about the target. */
  readonly fullRun: boolean;
}

const pct = (v: number): string => `${(100 * v).toFixed(2)}%`;
const minutes = (s: number): string => (s < 120 ? `${s.toFixed(1)} s` : `${(s / 60).toFixed(1)} min`);

/** Test accuracy, per-class and macro precision / recall / F1, the confusion matrix, and whether the target was reached, as lines of text. */
export function formatSummary(s: SummaryInput): string {
  const { report, confusion } = s.evaluation;
  const width = Math.max(...s.classes.map((c) => c.length), 'macro'.length);
  const lines = [
    '',
    `test accuracy ${pct(s.evaluation.accuracy)} on ${report.support.reduce((a, b) => a + b, 0)} reviews (trained ${s.steps} steps in ${minutes(s.trainSeconds)}, evaluated in ${minutes(s.evaluation.seconds)})`,
    `${''.padEnd(width)}  precision   recall       f1  support`,
    ...s.classes.map((c, i) => `${c.padEnd(width)}  ${pct(report.precision[i]!).padStart(9)}  ${pct(report.recall[i]!).padStart(7)}  ${pct(report.f1[i]!).padStart(7)}  ${String(report.support[i]).padStart(7)}`),
    `${'macro'.padEnd(width)}  ${pct(report.macro.precision).padStart(9)}  ${pct(report.macro.recall).padStart(7)}  ${pct(report.macro.f1).padStart(7)}`,
    `confusion matrix (rows = truth, columns = prediction): ${s.classes.map((c, t) => `${c} [${s.classes.map((_, p) => confusion.counts[t * s.classes.length + p]).join(', ')}]`).join('  ')}`,
    `saved: ${s.saved.weights}, ${s.saved.vocabulary}, ${s.saved.summary}`,
    s.fullRun
      ? s.evaluation.accuracy >= s.target
        ? `target reached: ${pct(s.evaluation.accuracy)} >= ${pct(s.target)}`
        : `target NOT reached: ${pct(s.evaluation.accuracy)} < ${pct(s.target)}`
      : `(--limit run: the ${pct(s.target)} target applies to the full data set)`,
  ];
  return lines.join('\n');
}
