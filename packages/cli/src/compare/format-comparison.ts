import { thousands } from '../demo/format';
import type { Comparison } from './compare-backends';

/** Relative logit difference beyond which two backends are said to disagree (float32 rounding is ~1e-6). */
export const AGREEMENT_TOLERANCE = 1e-3;

const pct = (x: number): string => `${(100 * x).toFixed(2)}%`;

/** The comparison as an aligned table, one backend per row, then the rows that did not run. */
export function formatComparison(c: Comparison): string[] {
  const header = ['backend', 'device', 'accuracy', `agrees with ${c.reference}`, 'max |Δlogit| (rel.)', `batch ${c.batchSize} ms`, 'images/s', 'batch 1 ms'];
  const table: string[][] = [header];
  const notes: string[] = [];
  for (const row of c.rows) {
    if ('run' in row) {
      const r = row.run;
      table.push([
        row.label, r.info.device + (r.info.fallback ? ' (fallback)' : ''), pct(r.accuracy), pct(r.agreement),
        r.maxRelativeDiff.toExponential(1), r.medianBatchMs.toFixed(1), thousands(r.imagesPerSecond), r.medianSingleMs.toFixed(2),
      ]);
      if (r.info.fallback) notes.push(`${row.label}: ${r.info.fallback}`);
    } else if ('failed' in row) {
      notes.push(`${row.label}: FAILED: ${row.failed}`);
    } else {
      notes.push(`${row.label}: not available: ${row.unavailable}`);
    }
  }
  const widths = header.map((_, j) => Math.max(...table.map((cells) => cells[j]!.length)));
  const lines = table.map((cells) => cells.map((cell, j) => (j === 0 ? cell.padEnd(widths[j]!) : cell.padStart(widths[j]!))).join('  '));
  lines.splice(1, 0, widths.map((w) => '-'.repeat(w)).join('  '));
  return [...lines, ...notes];
}

/** Backends that ran but disagree with the reference beyond float32 rounding, or failed outright. */
export function comparisonProblems(c: Comparison): string[] {
  const problems: string[] = [];
  for (const row of c.rows) {
    if ('failed' in row) problems.push(`${row.label} failed: ${row.failed}`);
    else if ('run' in row && !(row.run.maxRelativeDiff <= AGREEMENT_TOLERANCE)) {
      problems.push(`${row.label} differs from ${c.reference} by ${row.run.maxRelativeDiff.toExponential(2)} of the logits' scale; expected at most ${AGREEMENT_TOLERANCE}`);
    }
  }
  return problems;
}
