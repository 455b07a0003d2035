import { CnnkitError } from '@cnnkit/core';
import { REPORT_FORMAT, type SuiteReport } from '../report';

/** The reason the vitest adapter gives cases a `-t` filter kept from running. */
const FILTERED_OUT = 'not run in this test run';

/**
 * Reads a coverage.json the suite wrote. A report of another format, or of a run that left cases
 * out (vitest -t), is refused: a matrix built from it would show gaps that are not the backend's.
 */
export function parseSuiteReport(json: string, source: string): SuiteReport {
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch (error) {
    throw new CnnkitError('IO', `${source}: not JSON (${(error as Error).message}); expected a conformance coverage.json`, { source }, { cause: error });
  }
  const report = value as Partial<SuiteReport> | null;
  if (!report || typeof report !== 'object' || report.format !== REPORT_FORMAT || !report.backend || !Array.isArray(report.results) || !Array.isArray(report.ops)) {
    const given = report && typeof report === 'object' && 'format' in report ? `format '${String(report.format)}'` : 'no format field';
    throw new CnnkitError('IO', `${source}: given ${given}; expected a conformance report of format '${REPORT_FORMAT}' (rerun the backend's conformance tests to rewrite it)`, { source });
  }
  const filtered = report.results.filter((r) => r.status === 'skipped' && r.reason?.startsWith(FILTERED_OUT)).length;
  if (filtered > 0) {
    throw new CnnkitError('INVALID_ARGUMENT', `${source}: ${filtered} of ${report.results.length} cases of backend '${report.backend.name}' were filtered out of the run that wrote it (vitest -t); expected a full run: rerun that package's tests without a filter`, { source, filtered });
  }
  return report as SuiteReport;
}
