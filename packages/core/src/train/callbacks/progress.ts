import type { EpochLogs } from '../checkpoint';
import type { BatchLogs, Callback, TrainingContext } from './callback';

export interface ProgressOptions {
  /** Where lines go (default: process.stdout). Each call gets one line with its newline. */
  readonly write?: (line: string) => void;
  /** A batch line every n batches (default: about ten per epoch, or every 50 when the count is unknown). */
  readonly everyBatches?: number;
  /** Clock in milliseconds (default performance.now), replaceable for tests. */
  readonly now?: () => number;
}

const fmt = (v: number): string => (Math.abs(v) >= 1e4 || (Math.abs(v) < 1e-3 && v !== 0) ? v.toExponential(3) : v.toFixed(4));

function duration(ms: number): string {
  const s = ms / 1000;
  if (s < 60) return `${s.toFixed(1)}s`;
  const m = Math.floor(s / 60);
  return m < 60 ? `${m}m${String(Math.round(s - 60 * m)).padStart(2, '0')}s` : `${Math.floor(m / 60)}h${String(m % 60).padStart(2, '0')}m`;
}

/** Prints loss, metrics, throughput and time left, every few batches and at each epoch's end. */
export class ProgressCallback implements Callback {
  readonly #write: (line: string) => void;
  readonly #every: number | undefined;
  readonly #now: () => number;
  #epochStart = 0;
  #epoch = 0;
  #samples = 0;

  constructor(options: ProgressOptions = {}) {
    this.#write = options.write ?? ((line) => process.stdout.write(line));
    this.#every = options.everyBatches;
    this.#now = options.now ?? (() => performance.now());
  }

  onEpochBegin(epoch: number): void {
    this.#epoch = epoch;
    this.#epochStart = this.#now();
    this.#samples = 0;
  }

  onBatchEnd(logs: BatchLogs, ctx: TrainingContext): void {
    const total = ctx.numBatches;
    const every = this.#every ?? (total ? Math.max(1, Math.ceil(total / 10)) : 50);
    const done = logs.batch + 1;
    this.#samples = logs.samplesSeen;
    if (done % every !== 0 && done !== total) return;
    const elapsed = this.#now() - this.#epochStart;
    const parts = [`epoch ${this.#epoch + 1}/${ctx.epochs}`, `batch ${done}${total ? `/${total}` : ''}`, `loss ${fmt(logs.meanLoss)}`];
    for (const [name, value] of Object.entries(logs.metrics)) parts.push(`${name} ${fmt(value)}`);
    if (elapsed > 0) parts.push(`${(logs.samplesSeen / (elapsed / 1000)).toFixed(1)} samples/s`);
    if (total && done < total) parts.push(`ETA ${duration((elapsed / done) * (total - done))}`);
    this.#write(`${parts.join('  ')}\n`);
  }

  onEpochEnd(epoch: number, logs: EpochLogs, ctx: TrainingContext): void {
    const elapsed = this.#now() - this.#epochStart;
    const parts = [`epoch ${epoch + 1}/${ctx.epochs}`];
    for (const [name, value] of Object.entries(logs)) if (name !== 'epoch') parts.push(`${name} ${fmt(value)}`);
    parts.push(duration(elapsed));
    if (elapsed > 0 && this.#samples > 0) parts.push(`${(this.#samples / (elapsed / 1000)).toFixed(1)} samples/s`);
    this.#write(`${parts.join('  ')}\n`);
  }

  onTrainEnd(ctx: TrainingContext): void {
    if (ctx.stopTraining && ctx.stopReason) this.#write(`stopped: ${ctx.stopReason}\n`);
  }
}
