import { MemorySampler, type MemoryPeak } from './memory';

export interface CellBudget {
  /** Untimed runs first (lazy initialisation, caches, JIT). */
  readonly warmup: number;
  /**
   * ...and untimed runs until this many seconds have passed too (default 0). V8 optimises a call
   * path only after it has run for a while: a few warm-up runs of a 40 µs model would time
   * cnnkit's wrapper still unoptimised (LeNet-5 b1 on onnxruntime measured 1.20× ORT direct after
   * 20 warm-up runs, 1.04–1.06× after 2,000), as a benchmark harness's warm-up time is for.
   */
  readonly warmupSeconds?: number;
  /** Timed runs wanted. */
  readonly repeats: number;
  /** Stop repeating once the timed runs have taken this long (at least one timed run is always made). */
  readonly cellSeconds: number;
  /**
   * A warm-up run longer than this many seconds is kept as the one timed run instead of being
   * paid for again (default 3 × cellSeconds). Shorter ones are not: a first run includes one-time
   * costs (tfjs-wasm packs every filter on first use) that would make the cell look slower than it is.
   */
  readonly keepWarmupOverSeconds?: number;
  /**
   * A timed sample is the mean of as many back-to-back runs as take at least this many
   * milliseconds (default 0: one run a sample), counted from the last warm-up run, as Python's
   * timeit autoranges: a 40 µs run timed alone is at the mercy of every scheduler tick and timer
   * read, and its median over a few tens of samples wanders by a third between processes.
   */
  readonly minSampleMs?: number;
}

/** Most runs one sample averages (a run of a few microseconds would otherwise ask for thousands). */
const MAX_RUNS_PER_SAMPLE = 1000;

/** Runs per timed sample for a run that took `runMs` when warm (see CellBudget.minSampleMs). */
export function runsPerSample(runMs: number | undefined, minSampleMs: number | undefined): number {
  if (!minSampleMs || runMs === undefined || runMs >= minSampleMs) return 1;
  return Math.min(MAX_RUNS_PER_SAMPLE, Math.ceil(minSampleMs / Math.max(runMs, minSampleMs / MAX_RUNS_PER_SAMPLE)));
}

/** One timed sample: `runs` runs back to back; their mean and their total (ms). */
export async function timeSample(runOnce: () => Promise<void>, runs: number): Promise<{ meanMs: number; totalMs: number }> {
  const t0 = performance.now();
  for (let i = 0; i < runs; i++) await runOnce();
  const totalMs = performance.now() - t0;
  return { meanMs: totalMs / runs, totalMs };
}

export interface CellTiming {
  readonly samplesMs: number[];
  readonly memory: MemoryPeak;
  /** Set when the budget cut the repeats short. */
  readonly truncated: boolean;
  /** The one sample is a warm-up run (first-run costs included), kept because it was too slow to repeat. */
  readonly warmupKept: boolean;
  /** Runs each sample averages (CellBudget.minSampleMs). */
  readonly runsPerSample: number;
}

/**
 * Times `runOnce` (which must include reading the output back, so lazy backends really compute):
 * `prepare` (compile) and the warm-up are untimed but inside the memory window, then timed runs
 * until `repeats` or the time budget. A warm-up run slower than keepWarmupOverSeconds is kept as
 * the single timed run, so a 90-second cell is not paid for twice.
 */
export async function timeCell(runOnce: () => Promise<void>, budget: CellBudget, prepare?: () => Promise<void>): Promise<CellTiming> {
  const memory = new MemorySampler();
  try {
    if (prepare) await prepare();
    memory.sample();
    const samplesMs: number[] = [];
    const keepOverMs = (budget.keepWarmupOverSeconds ?? 3 * budget.cellSeconds) * 1000;
    const warm = await warmUp(runOnce, budget, keepOverMs, () => memory.sample());
    const warmupKept = warm.kept !== undefined;
    if (warm.kept !== undefined) samplesMs.push(warm.kept);
    const runs = runsPerSample(warm.lastMs, budget.minSampleMs);
    const began = performance.now();
    const overBudget = (): boolean => warmupKept || (samplesMs.length > 0 && performance.now() - began >= budget.cellSeconds * 1000);
    while (samplesMs.length < budget.repeats && !overBudget()) {
      samplesMs.push((await timeSample(runOnce, runs)).meanMs);
      memory.sample();
    }
    return { samplesMs, memory: memory.stop(), truncated: samplesMs.length < budget.repeats, warmupKept, runsPerSample: warmupKept ? 1 : runs };
  } catch (error) {
    memory.stop();
    throw error;
  }
}

/**
 * The untimed warm-up: at least budget.warmup runs and at least budget.warmupSeconds. A run
 * slower than keepOverMs ends it and is returned as `kept`, to be kept as the one timed sample
 * (see CellBudget.keepWarmupOverSeconds). `lastMs` is the last run's time (none without runs).
 */
export async function warmUp(runOnce: () => Promise<void>, budget: CellBudget, keepOverMs: number, afterRun?: () => void): Promise<{ kept?: number; lastMs?: number }> {
  const began = performance.now();
  const minMs = (budget.warmupSeconds ?? 0) * 1000;
  let lastMs: number | undefined;
  for (let i = 0; i < budget.warmup || performance.now() - began < minMs; i++) {
    const t0 = performance.now();
    await runOnce();
    lastMs = performance.now() - t0;
    afterRun?.();
    if (lastMs > keepOverMs) return { kept: lastMs, lastMs };
  }
  return lastMs === undefined ? {} : { lastMs };
}
