import { GRADIENTS, type OpType } from '@cnnkit/core';
import type { SuiteReport } from './report';

/** Table cells hold free text (reasons, descriptions): keep it on one line and out of the table syntax. */
function cell(text: string): string {
  return text.replace(/\r?\n/g, ' ').replace(/\|/g, '\\|');
}

function header(report: SuiteReport): string[] {
  const b = report.backend;
  const versions = Object.entries(b.versions).map(([k, v]) => `${k} ${v}`).join(', ') || 'none reported';
  const lines = [
    `# Conformance: ${b.name}`,
    '',
    `- **Device:** ${b.device}${report.expectDevice !== undefined ? ` (expected ${report.expectDevice})` : ''}`,
    `- **Description:** ${b.description}`,
    `- **Versions:** ${versions}`,
    `- **Date:** ${report.date}`,
  ];
  if (b.fallback) lines.push(`- **Fallback:** ${b.fallback}`);
  const tol = report.tolerance;
  if (tol.rtol !== undefined || tol.atol !== undefined) lines.push(`- **Backend tolerance:** rtol ${tol.rtol ?? '-'}, atol ${tol.atol ?? '-'}`);
  const t = report.totals;
  lines.push(`- **Totals:** ${t.cases} cases: ${t.passed} passed, ${t.skipped} skipped, ${t.failed} failed (${(report.ms / 1000).toFixed(2)} s)`);
  return lines;
}

type Row = { readonly cases: number; readonly passed: number; readonly skipped: number; readonly failed: number; readonly skipReasons: readonly string[] };

function table(heading: string, rows: readonly (readonly [string, Row])[], extraNote: (name: string) => string | undefined = () => undefined): string[] {
  const lines = rows.map(([name, r]) => {
    const notes: string[] = [];
    if (r.cases === 0) notes.push(extraNote(name) ?? 'no cases');
    notes.push(...r.skipReasons.map((s) => `skipped: ${s}`));
    if (r.failed > 0) notes.push('see failures');
    return `| ${name} | ${r.passed} | ${r.skipped} | ${r.failed} | ${cell(notes.join('; '))} |`;
  });
  return [`| ${heading} | passed | skipped | failed | notes |`, '| --- | ---: | ---: | ---: | --- |', ...lines];
}

function sectionTitle(title: string, t: SuiteReport['totals']): string {
  return `### ${title} (${t.cases} cases: ${t.passed} passed, ${t.skipped} skipped, ${t.failed} failed)`;
}

/** Forward op cases, zoo models, gradient cases, then optimizer steps and training runs: one table each. */
function coverage(report: SuiteReport): string[] {
  const totals = report.sectionTotals;
  const notDifferentiable = (op: string): string | undefined => (GRADIENTS[op as OpType] ? undefined : 'no cases (no gradient: not differentiable or training-only)');
  return [
    '## Coverage',
    '',
    sectionTitle('Forward ops', totals.forward),
    '',
    ...table('op', report.ops.map((r) => [r.op, r] as const)),
    '',
    sectionTitle('Models', totals.model),
    '',
    ...table('model', report.models.map((r) => [r.subject, r] as const)),
    '',
    sectionTitle('Gradients', totals.gradient),
    '',
    ...table('op', report.gradients.map((r) => [r.op, r] as const), notDifferentiable),
    '',
    sectionTitle('Optimizers and training', totals.training),
    '',
    ...table('subject', report.training.map((r) => [r.subject, r] as const)),
  ];
}

function failures(report: SuiteReport): string[] {
  const failed = report.results.filter((r) => r.status === 'failed');
  if (failed.length === 0) return ['## Failures', '', 'None.'];
  return ['## Failures', '', ...failed.map((r) => `- \`${r.id}\`: ${cell(r.reason ?? 'no reason given')}`)];
}

/** The coverage matrix as a page a person reads: header, the four coverage tables, failures. */
export function reportToMarkdown(report: SuiteReport): string {
  return [...header(report), '', ...coverage(report), '', ...failures(report), ''].join('\n');
}
