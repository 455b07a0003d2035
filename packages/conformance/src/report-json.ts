import type { SuiteReport } from './report';

/** The report as JSON (reports hold only plain data: strings, numbers, arrays). */
export function reportToJson(report: SuiteReport): string {
  return `${JSON.stringify(report, null, 2)}\n`;
}
