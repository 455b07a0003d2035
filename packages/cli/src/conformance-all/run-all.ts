import { type SuiteCase, type SuiteReport, type CombinedColumn, runSuite } from '@cnnkit/conformance';
import type { CliIo } from '../io';
import { type BackendCandidate, openCandidate } from './installed-backends';

export interface RunAllOptions {
  readonly candidates: readonly BackendCandidate[];
  readonly filter?: (c: SuiteCase) => boolean;
  /** Called with each backend's report as it finishes (to write it, to print a summary). */
  readonly onReport?: (report: SuiteReport) => Promise<void> | void;
}

/**
 * Runs the suite on every candidate that can be created, one after another; the others become
 * "not installed" entries. `problems` counts backends that were installed but could not run.
 */
export async function runAll(options: RunAllOptions, io: CliIo): Promise<{ readonly columns: CombinedColumn[]; readonly problems: number }> {
  const columns: CombinedColumn[] = [];
  let problems = 0;
  for (const candidate of options.candidates) {
    const opened = await openCandidate(candidate);
    if ('missing' in opened) {
      io.out(`conformance ${candidate.label}: ${opened.missing}`);
      columns.push({ name: candidate.label, missing: opened.missing });
      continue;
    }
    let report: SuiteReport;
    try {
      report = await runSuite({ create: () => opened.backend, ...(options.filter ? { filter: options.filter } : {}) });
    } catch (error) {
      // The device check or the backend itself refused before any case ran: a column that says so.
      const missing = `suite did not run: ${(error as Error).message}`;
      io.out(`conformance ${candidate.label}: ${missing}`);
      columns.push({ name: candidate.label, missing });
      problems += 1;
      continue;
    }
    await options.onReport?.(report);
    columns.push({ name: report.backend.name, report });
  }
  return { columns, problems };
}
