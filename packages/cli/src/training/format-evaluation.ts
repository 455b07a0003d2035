import type { ClassificationReport, ConfusionMatrix } from '@cnnkit/core';
import { grouped } from './format-numbers';

/** What formatEvaluation prints: an evaluation or the same numbers read back from JSON. */
export interface EvaluationSummary {
  readonly count: number;
  readonly classes: readonly string[];
  readonly accuracy: number;
  readonly report: ClassificationReport;
  readonly confusion: ConfusionMatrix;
  readonly batches: number;
  readonly msPerBatch: number;
}

const score = (v: number): string => v.toFixed(4);

/**
 * The report as sklearn's classification_report lays it out (precision / recall / f1-score /
 * support per class, then macro and weighted averages), preceded by the accuracy and followed
 * by the confusion matrix with class names (rows: true class, columns: predicted).
 */
export function formatEvaluation(e: EvaluationSummary): string[] {
  const { report, classes } = e;
  const correct = Math.round(e.accuracy * e.count);
  const nameWidth = Math.max(12, ...classes.map((c) => c.length));
  const row = (name: string, cells: readonly string[]): string => `${name.padStart(nameWidth)}${cells.map((c) => c.padStart(11)).join('')}`;
  const lines = [
    `accuracy: ${(e.accuracy * 100).toFixed(2)}% (${grouped(correct)} of ${grouped(e.count)})`,
    `time: ${e.batches} batch${e.batches === 1 ? '' : 'es'}, ${e.msPerBatch.toFixed(2)} ms per batch`,
    '',
    row('', ['precision', 'recall', 'f1-score', 'support']),
  ];
  classes.forEach((name, c) => lines.push(row(name, [score(report.precision[c]!), score(report.recall[c]!), score(report.f1[c]!), String(report.support[c]!)])));
  lines.push('');
  lines.push(row('macro avg', [score(report.macro.precision), score(report.macro.recall), score(report.macro.f1), String(e.count)]));
  lines.push(row('weighted avg', [score(report.weighted.precision), score(report.weighted.recall), score(report.weighted.f1), String(e.count)]));
  lines.push('', 'confusion matrix (rows: true class, columns: predicted):', ...confusionLines(e.confusion, classes));
  return lines;
}

/** The matrix with class names on both axes and a row total. */
export function confusionLines(cm: ConfusionMatrix, classes: readonly string[]): string[] {
  const n = cm.numClasses;
  const counts = Array.from(cm.counts, String);
  const cell = Math.max(...classes.map((c) => c.length), ...counts.map((c) => c.length), 5) + 1;
  const label = Math.max(...classes.map((c) => c.length), 4);
  const lines = [`${''.padStart(label)}${classes.map((c) => c.padStart(cell)).join('')}${'total'.padStart(cell)}`];
  for (let t = 0; t < n; t++) {
    let total = 0;
    const cells: string[] = [];
    for (let p = 0; p < n; p++) {
      total += cm.counts[t * n + p]!;
      cells.push(String(cm.counts[t * n + p]!).padStart(cell));
    }
    lines.push(`${classes[t]!.padStart(label)}${cells.join('')}${String(total).padStart(cell)}`);
  }
  return lines;
}

/** The numbers as JSON for --json: accuracy, per-class and averaged scores, the matrix as rows. */
export function evaluationJson(e: EvaluationSummary & { readonly backend?: string }): unknown {
  const n = e.confusion.numClasses;
  return {
    ...(e.backend !== undefined ? { backend: e.backend } : {}),
    count: e.count,
    accuracy: e.accuracy,
    classes: e.classes.map((name, c) => ({ name, precision: e.report.precision[c], recall: e.report.recall[c], f1: e.report.f1[c], support: e.report.support[c] })),
    macro: e.report.macro,
    weighted: e.report.weighted,
    confusion_matrix: Array.from({ length: n }, (_, t) => Array.from(e.confusion.counts.subarray(t * n, (t + 1) * n))),
    ms_per_batch: e.msPerBatch,
    batches: e.batches,
  };
}
