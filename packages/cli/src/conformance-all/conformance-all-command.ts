import { writeReport } from '@cnnkit/conformance';
import path from 'node:path';
import { type ParsedOptions, UsageError, stringOption } from '../args';
import type { CliIo } from '../io';
import { FROM_ALL_RUN, FROM_TEST_REPORTS, emitCombined } from './combine';
import { ALL_BACKENDS } from './installed-backends';
import { readReports } from './read-reports';
import { runAll } from './run-all';

const COMMAND = 'conformance';

/** Options that pick or configure one backend, which --all and --combine do not take. */
const SINGLE_BACKEND_OPTIONS = ['backend', 'device', 'expect-device', 'onnx-cases'] as const;

function refuseSingleBackendOptions(values: ParsedOptions, mode: string): void {
  const given = SINGLE_BACKEND_OPTIONS.filter((o) => values[o] !== undefined);
  if (given.length > 0) throw new UsageError(`--${mode} covers every backend; it does not take ${given.map((o) => `--${o}`).join(', ')}`, COMMAND);
}

/** The command line that regenerates the page, as the page quotes it: the same every run. */
function commandLine(parts: readonly (string | undefined)[]): string {
  return ['cnnkit conformance', ...parts.filter((p): p is string => p !== undefined)].join(' ');
}

/** `cnnkit conformance --combine DIR[,DIR...] [--out FILE]`: one matrix from the reports the backends' test files wrote. */
export async function runCombineCommand(values: ParsedOptions, io: CliIo, combine: string): Promise<number> {
  refuseSingleBackendOptions(values, 'combine');
  if (values.all !== undefined) throw new UsageError('--combine reads reports and --all runs the suite; give one of them', COMMAND);
  if (values.filter !== undefined) throw new UsageError('--combine reads whole reports; --filter applies to running the suite', COMMAND);
  const dirs = combine.split(',').map((d) => d.trim()).filter((d) => d !== '');
  if (dirs.length === 0) throw new UsageError("--combine needs at least one folder (comma-separated), e.g. 'packages/backend-cpu/conformance-report'", COMMAND);
  const reports = await readReports(dirs);
  const out = stringOption(values, 'out');
  const command = commandLine([`--combine ${dirs.join(',')}`, out !== undefined ? `--out ${out}` : undefined]);
  await emitCombined(reports.map((report) => ({ name: report.backend.name, report })), command, FROM_TEST_REPORTS, out, io);
  return reports.every((r) => r.ok) ? 0 : 1;
}

/** `cnnkit conformance --all [--filter TEXT] [--report DIR] [--out FILE]`: every installed backend, one matrix. */
export async function runAllCommand(values: ParsedOptions, io: CliIo, filterText: string | undefined): Promise<number> {
  refuseSingleBackendOptions(values, 'all');
  const reportDir = stringOption(values, 'report');
  const out = stringOption(values, 'out');
  let failed = 0;
  const { columns, problems } = await runAll(
    {
      candidates: ALL_BACKENDS,
      ...(filterText !== undefined ? { filter: (c) => c.id.includes(filterText) } : {}),
      onReport: async (report) => {
        const t = report.totals;
        io.out(`conformance ${report.backend.name}: ${t.passed} passed, ${t.failed} failed, ${t.skipped} skipped`);
        if (!report.ok) failed += 1;
        if (reportDir !== undefined) await writeReport(report, path.join(reportDir, report.backend.name));
      },
    },
    io,
  );
  const command = commandLine(['--all', filterText !== undefined ? `--filter ${filterText}` : undefined, out !== undefined ? `--out ${out}` : undefined]);
  await emitCombined(columns, command, FROM_ALL_RUN, out, io);
  return failed + problems === 0 ? 0 : 1;
}
