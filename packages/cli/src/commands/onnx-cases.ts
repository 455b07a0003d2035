import { readFile, readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { type Backend, type Tensor as CoreTensor, type TensorValue, CnnkitError, Tensor, isCnnkitError } from '@cnnkit/core';
import { type Tolerance, checkDevice, compareTensors } from '@cnnkit/conformance';
import { decodeTensorProto, importOnnx } from '@cnnkit/onnx';
import { type ParsedOptions, UsageError, stringOption } from '../args';
import type { CliIo } from '../io';
import { infoLine, openBackend } from './backend-options';

/**
 * ONNX's own backend-test tolerance (onnx.backend.test: np.testing.assert_allclose with
 * rtol 1e-3, atol 1e-7).
 */
export const ONNX_CASE_TOLERANCE: Tolerance = { rtol: 1e-3, atol: 1e-7 };

export type OnnxCaseStatus = 'passed' | 'failed' | 'unsupported';

export interface OnnxCaseResult {
  /** The case's directory name, e.g. 'test_conv_with_strides_padding'. */
  readonly name: string;
  readonly status: OnnxCaseStatus;
  /** Why it failed or is unsupported. */
  readonly detail?: string;
  /** test_data_set_* directories run. */
  readonly dataSets: number;
  readonly ms: number;
}

const byIndex = (prefix: string) => (a: string, b: string): number => Number(a.slice(prefix.length).split('.')[0]) - Number(b.slice(prefix.length).split('.')[0]);

async function isDirectory(p: string): Promise<boolean> {
  return stat(p).then((s) => s.isDirectory(), () => false);
}

/** The case directories under `dir` (those holding a model.onnx), sorted by name. */
export async function listOnnxCases(dir: string): Promise<string[]> {
  let entries;
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch (error) {
    throw new CnnkitError('IO', `cannot read ONNX cases directory '${dir}': ${(error as Error).message}`, { dir }, { cause: error });
  }
  const names: string[] = [];
  for (const e of entries) {
    if (e.isDirectory() && (await stat(path.join(dir, e.name, 'model.onnx')).then(() => true, () => false))) names.push(e.name);
  }
  return names.sort();
}

/** A data set's tensors of one kind ('input_' or 'output_'), in index order. */
async function readTensors(dataSetDir: string, prefix: 'input_' | 'output_'): Promise<TensorValue[]> {
  const files = (await readdir(dataSetDir)).filter((f) => f.startsWith(prefix) && f.endsWith('.pb')).sort(byIndex(prefix));
  const values: TensorValue[] = [];
  for (const f of files) {
    const file = path.join(dataSetDir, f);
    values.push(decodeTensorProto(await readFile(file), file).value);
  }
  return values;
}

function errorText(error: unknown): string {
  const e = error as Error;
  const code = (e as { code?: string }).code;
  return `${code ? `[${code}] ` : ''}${e.message}`;
}

/**
 * Runs one case: import model.onnx (an UNSUPPORTED_OP from the importer makes the case
 * 'unsupported'), compile it on the backend, and run every test_data_set_* with input_<i>.pb fed
 * to the graph's i-th input, comparing the i-th output with output_<i>.pb.
 */
export async function runOnnxCase(backend: Backend, caseDir: string, tolerance: Tolerance = ONNX_CASE_TOLERANCE): Promise<OnnxCaseResult> {
  const name = path.basename(caseDir);
  const started = performance.now();
  let dataSets = 0;
  const modelFile = path.join(caseDir, 'model.onnx');
  // One line per case: the importer's multi-line lists are joined, and its file prefix goes (the case names it).
  const oneLine = (text: string): string => text.split(`${modelFile}: `).join('').replace(/\s*\n\s*/g, ' ').trim();
  const done = (status: OnnxCaseStatus, detail?: string): OnnxCaseResult => ({ name, status, ...(detail !== undefined ? { detail: oneLine(detail) } : {}), dataSets, ms: performance.now() - started });

  let graph;
  try {
    graph = importOnnx(await readFile(modelFile), { source: modelFile });
  } catch (error) {
    if (isCnnkitError(error, 'UNSUPPORTED_OP')) return done('unsupported', error.message);
    return done('failed', `import: ${errorText(error)}`);
  }
  const sets = (await readdir(caseDir)).filter((d) => d.startsWith('test_data_set_')).sort(byIndex('test_data_set_'));
  if (sets.length === 0) return done('failed', `no test_data_set_* directory in '${caseDir}'`);
  let exe;
  try {
    exe = await backend.compile(graph, { label: name });
  } catch (error) {
    if (isCnnkitError(error, 'UNSUPPORTED_OP')) return done('unsupported', `backend '${backend.name}': ${error.message}`);
    return done('failed', `compile: ${errorText(error)}`);
  }
  try {
    for (const set of sets) {
      const dataSetDir = path.join(caseDir, set);
      if (!(await isDirectory(dataSetDir))) continue;
      let inputs: TensorValue[];
      let expected: TensorValue[];
      try {
        [inputs, expected] = [await readTensors(dataSetDir, 'input_'), await readTensors(dataSetDir, 'output_')];
      } catch (error) {
        return done('failed', `${set}: reading tensors: ${errorText(error)}`);
      }
      if (inputs.length !== graph.inputs.length) return done('failed', `${set}: ${inputs.length} input_*.pb files; the model has ${graph.inputs.length} inputs`);
      if (expected.length !== graph.outputs.length) return done('failed', `${set}: ${expected.length} output_*.pb files; the model has ${graph.outputs.length} outputs`);
      const feeds: Record<string, CoreTensor> = {};
      graph.inputs.forEach((input, i) => (feeds[input.name] = Tensor.fromValue(inputs[i]!)));
      let outputs: Record<string, CoreTensor> = {};
      try {
        outputs = await exe.run(feeds);
        const problems: string[] = [];
        for (const [i, out] of graph.outputs.entries()) {
          const t = outputs[out];
          const message = t ? compareTensors(out, await t.toValue(), expected[i]!, tolerance) : `output '${out}' is missing`;
          if (message !== undefined) problems.push(message);
        }
        dataSets++;
        if (problems.length > 0) return done('failed', `${set}: ${problems.join('; ')}`);
      } catch (error) {
        return done('failed', `${set}: run: ${errorText(error)}`);
      } finally {
        for (const t of Object.values(outputs)) t.dispose();
      }
    }
    return done('passed');
  } finally {
    exe.dispose();
  }
}

export interface OnnxCasesReport {
  readonly dir: string;
  readonly backend: string;
  readonly results: readonly OnnxCaseResult[];
  readonly totals: Readonly<Record<OnnxCaseStatus, number>>;
}

/** Runs every case directory under `dir` whose name passes `filter`, one after another. */
export async function runOnnxCases(backend: Backend, dir: string, options: { filter?: (name: string) => boolean; tolerance?: Tolerance } = {}): Promise<OnnxCasesReport> {
  const results: OnnxCaseResult[] = [];
  for (const name of (await listOnnxCases(dir)).filter((n) => options.filter?.(n) ?? true)) {
    results.push(await runOnnxCase(backend, path.join(dir, name), options.tolerance));
  }
  const totals = { passed: 0, failed: 0, unsupported: 0 };
  for (const r of results) totals[r.status]++;
  return { dir, backend: backend.name, results, totals };
}

/** One line per case ('passed  test_relu (1 data set)'), then the details of what did not pass. */
export function onnxCasesLines(report: OnnxCasesReport): string[] {
  const width = Math.max(0, ...report.results.map((r) => r.name.length));
  const lines = report.results.map((r) => {
    const note = r.status === 'passed' ? `${r.dataSets} data set${r.dataSets === 1 ? '' : 's'}, ${r.ms.toFixed(0)} ms` : r.detail ?? '';
    return `${r.status.padEnd(11)} ${r.name.padEnd(width)}  ${note}`;
  });
  return lines;
}

export function onnxCasesSummary(report: OnnxCasesReport): string {
  const t = report.totals;
  return `onnx cases ${report.backend}: ${t.passed} passed, ${t.failed} failed, ${t.unsupported} unsupported (of ${report.results.length} in '${report.dir}')`;
}

/**
 * `--onnx-cases DIR`: every case directory of DIR on the backend; exit 1 when any failed
 * (unsupported ops are reported, not failures: they say what the importer lacks).
 */
export async function runOnnxCasesCommand(values: ParsedOptions, io: CliIo, dir: string): Promise<number> {
  if (stringOption(values, 'report') !== undefined) throw new UsageError('--report writes the suite\'s coverage matrix; it does not apply to --onnx-cases (whose per-case lines are printed)', 'conformance');
  const filterText = stringOption(values, 'filter');
  const backend = await openBackend(values);
  try {
    const expectDevice = stringOption(values, 'expect-device');
    io.out(infoLine(await checkDevice(backend, expectDevice)));
    const report = await runOnnxCases(backend, dir, filterText === undefined ? {} : { filter: (name) => name.includes(filterText) });
    if (report.results.length === 0) {
      throw new UsageError(`--onnx-cases '${dir}' has no case directories${filterText !== undefined ? ` matching --filter '${filterText}'` : ''}; expected DIR/<case>/model.onnx with test_data_set_*/ beside it`, 'conformance');
    }
    for (const line of onnxCasesLines(report)) io.out(line);
    io.out('');
    io.out(onnxCasesSummary(report));
    return report.totals.failed === 0 ? 0 : 1;
  } finally {
    await backend.dispose?.();
  }
}
