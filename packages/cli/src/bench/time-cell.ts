import { MemorySampler, type MemoryPeak } from './memory';

export interface CellBudget {
  /** Untimed runs first (lazy initialisation, caches, JIT). */
  readonly warmup: number;
  /** Timed runs wanted. */
  readonly repeats: number;
  /** Stop repeating once the timed runs have taken this long (at least one timed run is always made). */
  readonly cellSeconds: number;
}

export interface CellTiming {
  readonly samplesMs: number[];
  readonly memory: MemoryPeak;
  /** Set when the budget cut the repeats short. */
  readonly truncated: boolean;
}

/**
 * Times `runOnce` (which must include reading the output back, so lazy backends really compute):
 * `prepare` (compile) and the warm-up are untimed but inside the memory window, then timed runs
 * until `repeats` or the time budget. A warm-up run that alone takes longer than the budget is
 * kept as the single timed run, so a 30-second cell is not paid for twice.
 */
export async function timeCell(runOnce: () => Promise<void>, budget: CellBudget, prepare?: () => Promise<void>): Promise<CellTiming> {
  const memory = new MemorySampler();
  try {
    if (prepare) await prepare();
    memory.sample();
    const samplesMs: number[] = [];
    for (let i = 0; i < budget.warmup; i++) {
      const t0 = performance.now();
      await runOnce();
      memory.sample();
      const ms = performance.now() - t0;
      if (ms > budget.cellSeconds * 1000) {
        samplesMs.push(ms);
        break;
      }
    }
    const began = performance.now();
    const overBudget = (): boolean => samplesMs.length > 0 && (samplesMs.length === 1 && samplesMs[0]! > budget.cellSeconds * 1000 || performance.now() - began >= budget.cellSeconds * 1000);
    while (samplesMs.length < budget.repeats && !overBudget()) {
      const t0 = performance.now();
      await runOnce();
      samplesMs.push(performance.now() - t0);
      memory.sample();
    }
    return { samplesMs, memory: memory.stop(), truncated: samplesMs.length < budget.repeats };
  } catch (error) {
    memory.stop();
    throw error;
  }
}
