import { MemorySampler } from './memory';
import type { CellMeasurement, Runner } from './results';
import { summarize } from './stats';
import { type CellBudget, runsPerSample, timeCell, timeSample, warmUp } from './time-cell';

/** One runner of one model × batch, split so that runs of several can be interleaved. */
export interface Contender {
  /** Untimed, inside the memory window: compile / open the session / build the model. Returns how long it took (ms). */
  prepare(): Promise<number>;
  /** Untimed, before every run: put back what another contender may have changed (tfjs's global engine). */
  activate?(): Promise<void>;
  /** One timed run: upload the input, run, read the output back. */
  runOnce(): Promise<void>;
  dispose(): Promise<void>;
}

/** One contender alone: prepare, warm up, time (timeCell), dispose. */
export async function benchContender(c: Contender, budget: CellBudget): Promise<CellMeasurement> {
  let compileMs = 0;
  try {
    const timing = await timeCell(async () => {
      await c.activate?.();
      await c.runOnce();
    }, budget, async () => {
      compileMs = await c.prepare();
    });
    return {
      ...summarize(timing.samplesMs), memory: timing.memory, compileMs, truncated: timing.truncated, warmupKept: timing.warmupKept,
      ...(timing.runsPerSample > 1 && { runsPerSample: timing.runsPerSample }),
    };
  } finally {
    await c.dispose();
  }
}

export type InterleavedResult = { readonly result: CellMeasurement } | { readonly error: unknown };

interface State {
  readonly c: Contender;
  compileMs: number;
  samplesMs: number[];
  spentMs: number;
  warmupKept: boolean;
  runsPerSample: number;
  memory?: CellMeasurement['memory'];
  done: boolean;
  error?: unknown;
}

/**
 * Times contenders against each other fairly: each is prepared and warmed up in turn (its peak
 * memory growth is that of its compile and warm-up, measured alone), then the timed runs
 * alternate between them, one sample each per round (a run, or the mean of back-to-back runs:
 * CellBudget.minSampleMs), the order reversed every other round, so a
 * burst of load elsewhere on the machine or a drift in clock speed lands on all of them alike
 * instead of on whichever cell ran at the time. Each stops at `repeats` runs or once its own
 * timed runs add up to cellSeconds; a warm-up run over keepWarmupOverSeconds is kept as its only
 * sample, as timeCell does. A contender that fails is reported as failed; the others go on.
 */
export async function timeInterleaved(contenders: readonly Contender[], budget: CellBudget): Promise<InterleavedResult[]> {
  const keepOverMs = (budget.keepWarmupOverSeconds ?? 3 * budget.cellSeconds) * 1000;
  const states: State[] = contenders.map((c) => ({ c, compileMs: 0, samplesMs: [], spentMs: 0, warmupKept: false, runsPerSample: 1, done: false }));
  try {
    for (const s of states) {
      const memory = new MemorySampler();
      try {
        s.compileMs = await s.c.prepare();
        memory.sample();
        const warm = await warmUp(async () => {
          await s.c.activate?.();
          await s.c.runOnce();
        }, budget, keepOverMs, () => memory.sample());
        s.runsPerSample = runsPerSample(warm.lastMs, budget.minSampleMs);
        if (warm.kept !== undefined) {
          s.samplesMs.push(warm.kept);
          s.runsPerSample = 1;
          s.warmupKept = true;
          s.done = true;
        }
        if (budget.repeats <= 0) s.done = true;
      } catch (error) {
        s.error = error;
        s.done = true;
      } finally {
        s.memory = memory.stop();
      }
    }
    for (let round = 0; states.some((s) => !s.done); round++) {
      const order = round % 2 === 0 ? states : [...states].reverse();
      for (const s of order) {
        if (s.done) continue;
        try {
          await s.c.activate?.();
          const { meanMs, totalMs } = await timeSample(() => s.c.runOnce(), s.runsPerSample);
          s.samplesMs.push(meanMs);
          s.spentMs += totalMs;
          if (s.samplesMs.length >= budget.repeats || s.spentMs >= budget.cellSeconds * 1000) s.done = true;
        } catch (error) {
          s.error = error;
          s.done = true;
        }
      }
    }
    return states.map((s) => (s.error !== undefined || s.samplesMs.length === 0
      ? { error: s.error ?? new Error('no timed run') }
      : {
        result: {
          ...summarize(s.samplesMs), memory: s.memory!, compileMs: s.compileMs,
          truncated: s.samplesMs.length < budget.repeats, warmupKept: s.warmupKept,
          ...(s.runsPerSample > 1 && { runsPerSample: s.runsPerSample }),
        },
      }));
  } finally {
    for (const s of states) await s.c.dispose().catch(() => undefined);
  }
}

/**
 * Which runners are timed against each other: cnnkit's onnxruntime with ORT direct, cnnkit tfjs on
 * an engine with raw tfjs on it, and cnnkit cpu with raw tfjs on wasm too (its issue-8 target).
 */
function pairKey(runner: Runner): string {
  if (runner.kind === 'ort-direct' || (runner.kind === 'cnnkit' && runner.label === 'cnnkit onnxruntime')) return 'onnxruntime';
  if (runner.kind === 'cnnkit' && runner.label === 'cnnkit cpu') return 'tfjs wasm';
  if ((runner.kind === 'cnnkit' || runner.kind === 'raw-tfjs') && runner.engine !== undefined) return `tfjs ${runner.engine}`;
  return `alone ${runner.label}`;
}

/**
 * The plan in groups whose runs are interleaved (timeInterleaved): each issue-8 comparison
 * together, any other runner alone, in the order of first appearance. Small groups, not the whole
 * plan at once, so at most three copies of a model's weights are alive together (VGG-11's are half
 * a gigabyte each).
 */
export function interleaveGroups<T extends { readonly runner: Runner }>(plan: readonly T[]): T[][] {
  const groups = new Map<string, T[]>();
  for (const p of plan) {
    const key = pairKey(p.runner);
    groups.set(key, [...(groups.get(key) ?? []), p]);
  }
  return [...groups.values()];
}
