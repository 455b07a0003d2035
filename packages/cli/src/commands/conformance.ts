import { ALL_CASES, type SuiteReport, reportToMarkdown, runSuite } from '@cnnkit/conformance';
import { UsageError, stringOption } from '../args';
import type { Command } from './command';
import { BACKEND_OPTION, DEVICE_OPTION, openBackend } from './backend-options';
import { runOnnxCasesCommand } from './onnx-cases';
import { runAllCommand, runCombineCommand } from '../conformance-all/conformance-all-command';
import { writeReportFiles } from './report-files';

export function summaryLine(report: SuiteReport): string {
  const t = report.totals;
  return `conformance ${report.backend.name}: ${t.passed} passed, ${t.failed} failed, ${t.skipped} skipped`;
}

/** `cnnkit conformance`: the shared suite on one backend, as a coverage matrix; exit 1 on any failure. */
export const conformanceCommand: Command = {
  spec: {
    name: 'conformance',
    brief: 'run the shared conformance suite on a backend; print and write its coverage matrix',
    summary: 'Run the shared conformance suite on a backend and print its coverage matrix (op x passed / skipped / failed). Exits 1 when any case failed.',
    options: {
      backend: BACKEND_OPTION,
      device: DEVICE_OPTION,
      'expect-device': { type: 'string', value: 'DEVICE', description: 'fail unless the backend reports running on this device (catches silent CPU fallback)' },
      report: { type: 'string', value: 'PATH', description: 'also write the report: FILE.md gives FILE.md + FILE.json, a folder gets coverage.md + coverage.json' },
      filter: { type: 'string', value: 'TEXT', description: "run only cases whose id contains TEXT (ids look like 'conv2d/hand/stride-2'; with --onnx-cases, case directory names)" },
      'onnx-cases': { type: 'string', value: 'DIR', description: 'instead of the suite, run ONNX backend-test cases: DIR/<case>/model.onnx with test_data_set_*/input_*.pb, output_*.pb; reports passed / failed / unsupported per case' },
      all: { type: 'boolean', description: "run the suite on every installed backend (cpu, onnxruntime, tfjs's cpu and wasm engines; missing ones listed as not installed) and print or --out one combined op x backend matrix" },
      combine: { type: 'string', value: 'DIR[,DIR...]', description: "instead of running, combine the coverage.json reports in these folders (or their <backend>/ subfolders) into one op x backend matrix" },
      out: { type: 'string', value: 'FILE', description: 'with --all or --combine: write the combined matrix (Markdown) to FILE instead of printing it' },
    },
    examples: [
      'cnnkit conformance --backend cpu',
      'cnnkit conformance --backend tfjs --filter conv2d --report reports/tfjs.md',
      'cnnkit conformance --backend onnxruntime --device cuda --expect-device cuda --report reports/',
      'cnnkit conformance --backend cpu --onnx-cases onnx/backend/test/data/node',
      'cnnkit conformance --all --out coverage.md',
      'cnnkit conformance --combine packages/backend-cpu/conformance-report,packages/backend-tfjs/conformance-report --out docs/coverage.md',
    ],
  },
  async run(values, io) {
    const onnxCases = stringOption(values, 'onnx-cases');
    if (onnxCases !== undefined && values.all === undefined && values.combine === undefined) return runOnnxCasesCommand(values, io, onnxCases);
    const combine = stringOption(values, 'combine');
    if (combine !== undefined) return runCombineCommand(values, io, combine);
    const filterText = stringOption(values, 'filter');
    if (filterText !== undefined && !ALL_CASES.some((c) => c.id.includes(filterText))) {
      throw new UsageError(`--filter '${filterText}' matches none of the ${ALL_CASES.length} case ids; ids look like '${ALL_CASES[0]?.id ?? 'op/hand/name'}'`, 'conformance');
    }
    if (values.all === true) return runAllCommand(values, io, filterText);
    if (values.out !== undefined) throw new UsageError('--out writes the combined matrix of --all or --combine; for one backend use --report', 'conformance');
    const expectDevice = stringOption(values, 'expect-device');
    const report = await runSuite({
      create: () => openBackend(values),
      ...(expectDevice !== undefined ? { expectDevice } : {}),
      ...(filterText !== undefined ? { filter: (c) => c.id.includes(filterText) } : {}),
    });
    io.out(reportToMarkdown(report).trimEnd());
    io.out('');
    const target = stringOption(values, 'report');
    if (target !== undefined) {
      const written = await writeReportFiles(report, target);
      io.out(`report: ${written.markdown}, ${written.json}`);
    }
    io.out(summaryLine(report));
    return report.ok ? 0 : 1;
  },
};
