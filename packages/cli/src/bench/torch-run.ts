import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CliIo } from '../io';
import type { CellBudget } from './time-cell';

/** What scripts/bench_torch.py wrote to torch.json. */
export interface TorchResults {
  readonly torch: string;
  readonly torchvision: string;
  readonly threads: number;
  readonly models: readonly { readonly name: string; readonly onnx?: string; readonly exportError?: string }[];
  /** Each sample the mean of runsPerSample back-to-back runs (1 when absent: scripts before it). */
  readonly forward: readonly { readonly model: string; readonly batch: number; readonly samplesMs: number[]; readonly runsPerSample?: number }[];
  readonly training?: { readonly steps: number; readonly batchSize: number; readonly seconds: number; readonly samplesPerSecond: number };
  readonly trainingError?: string;
}

export interface TorchRequest {
  readonly outDir: string;
  readonly models: readonly string[];
  readonly batches: readonly number[];
  readonly threads: number;
  readonly budget: CellBudget;
  /** Timed training steps; 0 skips training. */
  readonly trainSteps: number;
  readonly mnistDir?: string;
  /** Default /usr/bin/python3 (Debian's python3-torch); CNNKIT_BENCH_PYTHON overrides. */
  readonly python?: string;
}

/** scripts/bench_torch.py, found from this file in src/bench/ or from the bundle in dist/. */
export function torchScriptPath(): string | undefined {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 4; i++) {
    const candidate = path.join(dir, 'scripts', 'bench_torch.py');
    if (existsSync(candidate)) return candidate;
    dir = path.dirname(dir);
  }
  return undefined;
}

/**
 * Runs the PyTorch side (export to ONNX, forward timings, LeNet-5 training) in a child process,
 * its progress lines passed to stderr. Resolves with the results, or rejects with a reason a
 * report can print (no python, no torch, the script failed).
 */
export async function runTorchBench(request: TorchRequest, io: CliIo): Promise<TorchResults> {
  const script = torchScriptPath();
  if (!script) throw new Error('scripts/bench_torch.py not found next to the CLI (it ships in the repository, not the npm package)');
  const python = request.python ?? process.env['CNNKIT_BENCH_PYTHON'] ?? '/usr/bin/python3';
  if (!existsSync(python)) throw new Error(`${python} not found (Debian's python3 with python3-torch; set CNNKIT_BENCH_PYTHON to another)`);
  const args = [
    script, request.outDir, '--models', request.models.join(','), '--batches', request.batches.join(','), '--threads', String(request.threads),
    '--warmup', String(request.budget.warmup), '--repeats', String(request.budget.repeats), '--cell-seconds', String(request.budget.cellSeconds),
    '--min-sample-ms', String(request.budget.minSampleMs ?? 0),
    '--train-steps', String(request.trainSteps),
    ...(request.trainSteps > 0 && request.mnistDir ? ['--mnist-dir', request.mnistDir] : []),
  ];
  const tail: string[] = [];
  const code = await new Promise<number>((resolve, reject) => {
    const child = spawn(python, args, { stdio: ['ignore', 'ignore', 'pipe'] });
    let pending = '';
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (chunk: string) => {
      const lines = (pending + chunk).split('\n');
      pending = lines.pop() ?? '';
      for (const line of lines) {
        tail.push(line);
        if (tail.length > 20) tail.shift();
        if (/^torch \S+ b\d+:/.test(line)) io.err(`  ${line}`);
      }
    });
    child.on('error', reject);
    child.on('close', (c) => resolve(c ?? 1));
  });
  if (code !== 0) {
    const why = tail.filter((l) => l.trim()).at(-1) ?? `exit code ${code}`;
    throw new Error(`${python} ${path.basename(script)} failed: ${why}`);
  }
  return JSON.parse(await readFile(path.join(request.outDir, 'torch.json'), 'utf8')) as TorchResults;
}
