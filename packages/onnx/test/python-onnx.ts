// Python's onnx package as the independent reader of what cnnkit writes: scripts/check_onnx.py
// runs onnx.checker (and optionally shape inference and MessageToDict) over a directory in one
// process. Tests skip with the reason when Debian's python3-onnx is missing.
import { execFile, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

export const PYTHON = '/usr/bin/python3';
export const CHECK_SCRIPT = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'scripts', 'check_onnx.py');

let cachedMissing: string | undefined | null = null;

/** Why Python's onnx cannot be the reference here, or undefined when it can. */
export function pythonOnnxMissing(): string | undefined {
  if (cachedMissing !== null) return cachedMissing;
  if (!existsSync(PYTHON)) {
    cachedMissing = `${PYTHON} not found (install python3-onnx: apt-get install -y python3-onnx)`;
    return cachedMissing;
  }
  const probe = spawnSync(PYTHON, ['-c', 'import onnx'], { encoding: 'utf8', timeout: 60_000 });
  cachedMissing = probe.status === 0
    ? undefined
    : `${PYTHON} cannot import onnx (${(probe.stderr || probe.error?.message || `exit status ${probe.status}`).trim().split('\n').pop()}); install python3-onnx (apt-get install -y python3-onnx)`;
  return cachedMissing;
}

export type InferredTypes = Record<string, { elem_type: number; shape: (number | string | null)[] | null }>;

export interface ModelReport {
  readonly file: string;
  readonly ok: boolean;
  readonly error: string | null;
  readonly ir_version?: number;
  readonly opsets?: Record<string, number>;
  readonly model?: Record<string, unknown>;
  readonly types?: InferredTypes;
}

export interface TensorReport {
  readonly file: string;
  readonly ok: boolean;
  readonly error: string | null;
  readonly name?: string;
  readonly data_type?: number;
  readonly dims?: number[];
  readonly values?: (number | string)[];
}

/** Runs check_onnx.py over the paths; one report per file, keyed by base name. */
export async function checkOnnx(paths: readonly string[], flags: readonly ('--dump' | '--types' | '--no-full-check')[] = []): Promise<Map<string, ModelReport & TensorReport>> {
  const { stdout } = await promisify(execFile)(PYTHON, [CHECK_SCRIPT, ...flags, ...paths], { timeout: 600_000, maxBuffer: 512 * 1024 * 1024 });
  const reports = new Map<string, ModelReport & TensorReport>();
  for (const line of stdout.split('\n')) {
    if (line.trim() === '') continue;
    const report = JSON.parse(line) as ModelReport & TensorReport;
    reports.set(path.basename(report.file), report);
  }
  return reports;
}
