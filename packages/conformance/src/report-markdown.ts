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

function opTable(report: SuiteReport): string[] {
  const rows = report.ops.map((r) => {
    const notes: string[] = [];
    if (r.cases === 0) notes.push('no cases');
    notes.push(...r.skipReasons.map((s) => `skipped: ${s}`));
    if (r.failed > 0) notes.push('see failures');
    return `| ${r.op} | ${r.passed} | ${r.skipped} | ${r.failed} | ${cell(notes.join('; '))} |`;
  });
  return ['| op | passed | skipped | failed | notes |', '| --- | ---: | ---: | ---: | --- |', ...rows];
}

function failures(report: SuiteReport): string[] {
  const failed = report.results.filter((r) => r.status === 'failed');
  if (failed.length === 0) return ['## Failures', '', 'None.'];
  return ['## Failures', '', ...failed.map((r) => `- \`${r.id}\`: ${cell(r.reason ?? 'no reason given')}`)];
}

/** The coverage matrix as a page a person reads: header, op table, failures. */
export function reportToMarkdown(report: SuiteReport): string {
  return [...header(report), '', '## Coverage', '', ...opTable(report), '', ...failures(report), ''].join('\n');
}
