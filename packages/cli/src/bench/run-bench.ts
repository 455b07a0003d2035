import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { type Backend, createBackend } from '@cnnkit/core';
import { mnistDataDir } from '@cnnkit/datasets';
import { type BackendCandidate, openInstalledBackends } from '../compare/installed-backends';
import type { CliIo } from '../io';
import { cnnkitContender } from './cnnkit-cell';
import { type Contender, benchContender, interleaveGroups, timeInterleaved } from './contender';
import { formatMs } from './format-markdown';
import { importPeer } from './load-peer';
import { ORT_DIRECT, TORCH, rawTfjsLabel } from './lookup';
import { type BenchModel, buildBenchModel } from './model-graph';
import { ortDirectContender } from './ort-direct-cell';
import type { Ort } from './ort-types';
import type { Tf } from './raw-tfjs';
import { rawTfjsContender } from './raw-tfjs-cell';
import type { BenchCell, BenchReport, Runner, TrainingResult } from './results';
import { BENCH_BACKENDS, RAW_TFJS_ENGINES } from './runners';
import { summarize } from './stats';
import { checkTargets } from './targets';
import type { CellBudget } from './time-cell';
import { WARM_UP_BUDGET, warmUpRunners } from './warm-up';
import { type TorchResults, runTorchBench } from './torch-run';
import { trainInFreshProcess } from './training-process';

export interface BenchOptions {
  readonly models: readonly string[];
  readonly batches: readonly number[];
  /** Keys of BENCH_BACKENDS. */
  readonly backends: readonly string[];
  readonly budget: CellBudget;
  /** Run the alternatives (ORT on the PyTorch export, PyTorch, raw tfjs). */
  readonly alternatives: boolean;
  /** Measure LeNet-5 training throughput. */
  readonly training: boolean;
  readonly trainSteps: number;
  /** The command line, for the report. */
  readonly command: string;
}

/** A cnnkit runner of this bench: its open backend, and the candidate it was opened from (what a training process reopens). */
interface OpenRunner {
  readonly runner: Runner;
  readonly backend: Backend;
  readonly candidate: BackendCandidate;
}

/** A cell estimated to take longer than this many cell budgets per run is skipped, not run. */
const SKIP_FACTOR = 3;

const message = (error: unknown): string => (error instanceof Error ? error.message.split('\n')[0]! : String(error));

interface Alternatives {
  ort?: { ort: Ort; version: string };
  tf?: { tf: Tf; version: string; engines: string[] };
  torch?: TorchResults;
  tmpDir?: string;
}

/**
 * Runs the bench: PyTorch first (export + forward + training, in its own process, while nothing
 * else runs), then each model × batch × runner one after another, then cnnkit's training, each
 * backend's in a fresh process (training-process.ts).
 */
export async function runBench(o: BenchOptions, io: CliIo): Promise<BenchReport> {
  const unavailable: { runner: string; reason: string }[] = [];
  const versions: Record<string, string> = {};
  const selected = o.backends.map((key) => BENCH_BACKENDS[key]!);
  const opened = await openInstalledBackends(selected.map((s) => s.candidate));
  const backends: OpenRunner[] = [];
  opened.forEach((entry, i) => {
    const runner = selected[i]!.runner;
    if ('unavailable' in entry) unavailable.push({ runner: runner.label, reason: entry.unavailable });
    else backends.push({ runner, backend: entry.backend, candidate: entry.candidate });
  });
  for (const { backend } of backends) Object.assign(versions, (await backend.info()).versions);

  const alt: Alternatives = o.alternatives ? await prepareAlternatives(o, io, backends, unavailable) : {};
  try {
    if (alt.ort) versions['onnxruntime-node'] = alt.ort.version;
    if (alt.tf) versions['@tensorflow/tfjs-core'] = alt.tf.version;
    if (alt.torch) Object.assign(versions, { torch: alt.torch.torch, torchvision: alt.torch.torchvision });

    const cells: BenchCell[] = [];
    for (const name of o.models) {
      io.err(`${name}: building, seeded weights, tracing`);
      const model = buildBenchModel(name);
      try {
        cells.push(...(await benchModel(model, o, backends, alt, io)));
      } finally {
        model.dispose();
      }
    }
    const training = o.training ? await benchTraining(o, backends, alt, io) : [];
    const cpus = os.cpus();
    return {
      date: new Date().toISOString(),
      command: o.command,
      machine: {
        cpu: cpus[0]?.model.trim() ?? 'unknown CPU', logicalCores: os.availableParallelism(), memoryGiB: os.totalmem() / 2 ** 30,
        platform: `${os.type()} ${os.release()} ${os.arch()}`, node: process.version, versions,
        threads: `PyTorch ${alt.torch ? `torch.set_num_threads(${alt.torch.threads})` : 'not run'}; ONNX Runtime (cnnkit's backend and direct): its default intra-op threads; cnnkit cpu: as the backend decides`,
      },
      settings: { warmup: o.budget.warmup, warmupSeconds: o.budget.warmupSeconds ?? 0, repeats: o.budget.repeats, cellSeconds: o.budget.cellSeconds, minSampleMs: o.budget.minSampleMs ?? 0 },
      unavailable, cells, training, targets: checkTargets(cells, training),
    };
  } finally {
    if (alt.tmpDir) await rm(alt.tmpDir, { recursive: true, force: true });
  }
}

async function prepareAlternatives(o: BenchOptions, io: CliIo, backends: readonly OpenRunner[], unavailable: { runner: string; reason: string }[]): Promise<Alternatives> {
  const alt: Alternatives = {};
  try {
    const { module, version } = await importPeer<Ort>('onnxruntime-node', '@cnnkit/backend-onnxruntime');
    alt.ort = { ort: module, version };
  } catch (error) {
    unavailable.push({ runner: ORT_DIRECT, reason: `onnxruntime-node could not be loaded: ${message(error)}` });
  }
  try {
    const { module, version } = await importPeer<Tf>('@tensorflow/tfjs-core', '@cnnkit/backend-tfjs');
    const engines: string[] = [];
    for (const engine of RAW_TFJS_ENGINES) {
      // cnnkit's tfjs backend registers the engine (wasm needs its binary located); open one if the bench did not.
      if (!backends.some((b) => b.runner.engine === engine)) {
        try {
          // Resolved from the CLI (which depends on @cnnkit/backend-tfjs), not from core (which does not).
          await createBackend('tfjs', { engine }, { resolveFrom: [import.meta.url] });
        } catch (error) {
          unavailable.push({ runner: rawTfjsLabel(engine), reason: message(error) });
          continue;
        }
      }
      engines.push(engine);
    }
    alt.tf = { tf: module, version, engines };
  } catch (error) {
    for (const engine of RAW_TFJS_ENGINES) unavailable.push({ runner: rawTfjsLabel(engine), reason: `@tensorflow/tfjs-core could not be loaded: ${message(error)}` });
  }
  alt.tmpDir = await mkdtemp(path.join(os.tmpdir(), 'cnnkit-bench-'));
  io.err(`PyTorch: exporting ${o.models.join(', ')} to ONNX and timing its forward${o.training ? ' and LeNet-5 training' : ''} (${alt.tmpDir})`);
  try {
    alt.torch = await runTorchBench({
      outDir: alt.tmpDir, models: o.models, batches: o.batches, threads: os.availableParallelism(), budget: o.budget,
      trainSteps: o.training ? o.trainSteps : 0, ...(o.training ? { mnistDir: mnistDataDir() } : {}),
    }, io);
    for (const m of alt.torch.models) if (m.exportError) unavailable.push({ runner: `${ORT_DIRECT} (${m.name})`, reason: `torch.onnx.export failed: ${m.exportError}` });
  } catch (error) {
    const reason = message(error);
    unavailable.push({ runner: TORCH, reason });
    if (alt.ort) unavailable.push({ runner: ORT_DIRECT, reason: `no PyTorch export: ${reason}` });
  }
  return alt;
}

/** A runner of the plan and how to make its contender (made late: making one can throw, e.g. no raw-tfjs version). */
interface Planned {
  readonly runner: Runner;
  readonly make: () => Contender;
}

async function benchModel(model: BenchModel, o: BenchOptions, backends: readonly OpenRunner[], alt: Alternatives, io: CliIo): Promise<BenchCell[]> {
  const cells: BenchCell[] = [];
  const last = new Map<string, { batch: number; medianMs: number }>();
  const onnx = alt.torch?.models.find((m) => m.name === model.name)?.onnx;
  const planFor = (batch: number): Planned[] => {
    const plan: Planned[] = backends.map(({ runner, backend }) => ({ runner, make: () => cnnkitContender(backend, model, batch) }));
    if (alt.ort && onnx) plan.push({ runner: { label: ORT_DIRECT, kind: 'ort-direct' }, make: () => ortDirectContender(alt.ort!.ort, onnx, model, batch) });
    for (const engine of alt.tf?.engines ?? []) {
      plan.push({ runner: { label: rawTfjsLabel(engine), kind: 'raw-tfjs', engine }, make: () => rawTfjsContender(alt.tf!.tf, engine, model, batch) });
    }
    return plan;
  };
  const batches = [...o.batches].sort((a, b) => a - b);
  // Every runner warmed up (untimed) before the first timed cell, so none pays the first-use costs the others skip.
  if (batches.length > 0) {
    io.err(`  ${model.name}: warming up every runner at batch ${batches[0]!} (untimed)`);
    await warmUpRunners(planFor(batches[0]!).map((p) => () => benchContender(p.make(), WARM_UP_BUDGET)));
  }
  for (const batch of batches) {
    const byLabel = new Map<string, BenchCell>();
    const plan = planFor(batch);
    // Each cnnkit runner is timed interleaved with the alternative it is compared with (see timeInterleaved).
    for (const group of interleaveGroups(plan)) {
      const timed: { runner: Runner; contender: Contender }[] = [];
      for (const { runner, make } of group) {
        const before = last.get(runner.label);
        const estimate = before ? (before.medianMs * batch) / before.batch : 0;
        if (estimate > SKIP_FACTOR * o.budget.cellSeconds * 1000) {
          const missing = `skipped: ~${(estimate / 1000).toFixed(0)} s a run, estimated from batch ${before!.batch} (over ${SKIP_FACTOR}× the ${o.budget.cellSeconds} s cell budget)`;
          byLabel.set(runner.label, { model: model.name, batch, runner, missing });
          io.err(`  ${model.name} b${batch} ${runner.label}: ${missing}`);
          continue;
        }
        try {
          timed.push({ runner, contender: make() });
        } catch (error) {
          byLabel.set(runner.label, { model: model.name, batch, runner, missing: `failed: ${message(error)}` });
          io.err(`  ${model.name} b${batch} ${runner.label}: failed: ${message(error)}`);
        }
      }
      const results = await timeInterleaved(timed.map((t) => t.contender), o.budget);
      results.forEach((r, i) => {
        const { runner } = timed[i]!;
        if ('result' in r) {
          last.set(runner.label, { batch, medianMs: r.result.medianMs });
          byLabel.set(runner.label, { model: model.name, batch, runner, result: r.result });
          io.err(`  ${model.name} b${batch} ${runner.label}: median ${formatMs(r.result.medianMs)} ms (${r.result.runs} runs)`);
        } else {
          byLabel.set(runner.label, { model: model.name, batch, runner, missing: `failed: ${message(r.error)}` });
          io.err(`  ${model.name} b${batch} ${runner.label}: failed: ${message(r.error)}`);
        }
      });
    }
    for (const { runner } of plan) cells.push(byLabel.get(runner.label)!);
    const torch = alt.torch?.forward.find((f) => f.model === model.name && f.batch === batch);
    if (torch && torch.samplesMs.length > 0) {
      const truncated = torch.samplesMs.length < o.budget.repeats;
      const runs = torch.runsPerSample ?? 1;
      cells.push({ model: model.name, batch, runner: { label: TORCH, kind: 'torch' }, result: { ...summarize(torch.samplesMs), truncated, ...(runs > 1 && { runsPerSample: runs }) } });
    }
  }
  return cells;
}

async function benchTraining(o: BenchOptions, backends: readonly OpenRunner[], alt: Alternatives, io: CliIo): Promise<TrainingResult[]> {
  const out: TrainingResult[] = [];
  const trainers = backends.filter((b) => b.runner.label === 'cnnkit cpu' || b.runner.label === 'cnnkit tfjs (wasm)');
  for (const { runner, backend, candidate } of trainers) {
    if (!backend.capabilities.training) {
      out.push({ runner: runner.label, missing: `${backend.name} declares no training capability` });
      continue;
    }
    try {
      io.err(`training LeNet-5 on MNIST with ${runner.label} (in a process of its own)`);
      const t = await trainInFreshProcess({ candidate, steps: o.trainSteps, seconds: o.budget.cellSeconds * 3 });
      out.push({ runner: runner.label, samplesPerSecond: t.samplesPerSecond, steps: t.steps, batchSize: 64, seconds: t.seconds });
    } catch (error) {
      out.push({ runner: runner.label, missing: `failed: ${message(error)}` });
    }
  }
  if (o.alternatives) {
    const t = alt.torch?.training;
    out.push(t ? { runner: TORCH, samplesPerSecond: t.samplesPerSecond, steps: t.steps, batchSize: t.batchSize, seconds: t.seconds } : { runner: TORCH, missing: alt.torch?.trainingError ?? 'PyTorch not available' });
  }
  return out;
}
