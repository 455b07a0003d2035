import { open, readFile } from 'node:fs/promises';
import { type Callback, CnnkitError, type EpochLogs, type TrainingContext, writeFileAtomic } from '@cnnkit/core';

/** One line of metrics.jsonl. */
export interface MetricsRecord {
  /** 1-based, as the progress lines count. */
  readonly epoch: number;
  readonly loss: number;
  /** Training metrics by name (accuracy, ...). */
  readonly metrics: Readonly<Record<string, number>>;
  /** val_loss, val_accuracy, ... as fit() logs them. */
  readonly [val: `val_${string}`]: number;
  readonly lr: number;
  readonly seconds: number;
  readonly samples_per_second: number;
}

/** Reads metrics.jsonl back (one JSON object per line). */
export async function readMetricsLog(file: string): Promise<MetricsRecord[]> {
  const text = await readFile(file, 'utf8');
  return text.split('\n').filter((line) => line.trim() !== '').map((line, i) => {
    try {
      return JSON.parse(line) as MetricsRecord;
    } catch (error) {
      throw new CnnkitError('IO', `${file}: line ${i + 1} is not JSON (${(error as Error).message}); expected one object per epoch`, { file });
    }
  });
}

/** The record of one finished epoch: fit()'s logs split into loss, metrics and val_ values. */
export function metricsRecord(logs: EpochLogs, seconds: number, samples: number, trainingSeconds = seconds): MetricsRecord {
  const metrics: Record<string, number> = {};
  const validation: Record<string, number> = {};
  for (const [name, value] of Object.entries(logs)) {
    if (name === 'epoch' || name === 'loss' || name === 'lr') continue;
    if (name.startsWith('val_')) validation[name] = value;
    else metrics[name] = value;
  }
  return {
    epoch: logs.epoch + 1, loss: logs.loss, metrics, ...validation, lr: logs.lr,
    seconds: Number(seconds.toFixed(3)), samples_per_second: trainingSeconds > 0 ? Number((samples / trainingSeconds).toFixed(1)) : 0,
  };
}

/**
 * fit() callback writing metrics.jsonl: one JSON object per epoch (samples_per_second over the
 * training batches, seconds for the whole epoch with validation), appended and fsynced as the
 * epoch ends, so a run killed later keeps every finished epoch's line. A fresh run starts the
 * file empty; a resumed run keeps the lines of the epochs its checkpoint holds and drops any
 * later ones (written after that checkpoint, then lost with the crash), so the file never
 * repeats an epoch.
 */
export class MetricsLog implements Callback {
  readonly #now: () => number;
  #epochStart = 0;
  #samples = 0;
  #lastBatch = 0;

  constructor(readonly file: string, options: { now?: () => number } = {}) {
    this.#now = options.now ?? (() => performance.now());
  }

  async onTrainBegin(ctx: TrainingContext): Promise<void> {
    let kept: MetricsRecord[] = [];
    if (ctx.initialEpoch > 0) {
      try {
        kept = (await readMetricsLog(this.file)).filter((r) => r.epoch <= ctx.initialEpoch);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      }
    }
    await writeFileAtomic(this.file, kept.map((r) => `${JSON.stringify(r)}\n`).join(''));
  }

  onEpochBegin(): void {
    this.#epochStart = this.#now();
    this.#lastBatch = this.#epochStart;
    this.#samples = 0;
  }

  onBatchEnd(logs: { samplesSeen: number }): void {
    this.#samples = logs.samplesSeen;
    this.#lastBatch = this.#now();
  }

  async onEpochEnd(_epoch: number, logs: EpochLogs): Promise<void> {
    // Throughput counts training only (the last batch's end); seconds include validation.
    const record = metricsRecord(logs, (this.#now() - this.#epochStart) / 1000, this.#samples, (this.#lastBatch - this.#epochStart) / 1000);
    const handle = await open(this.file, 'a');
    try {
      await handle.appendFile(`${JSON.stringify(record)}\n`);
      await handle.sync();
    } finally {
      await handle.close();
    }
  }
}
