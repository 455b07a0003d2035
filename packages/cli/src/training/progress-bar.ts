import type { BatchLogs, Callback, EpochLogs, TrainingContext } from '@cnnkit/core';
import type { CliIo } from '../io';
import { clock, grouped, metricValue } from './format-numbers';

/** A terminal to redraw one line on: process.stdout when it is a TTY. */
export interface Terminal {
  write(text: string): void;
  /** Width in characters (the bar shrinks to fit). */
  readonly columns?: number;
}

export interface ProgressBarOptions {
  /** Epoch summaries, and the ~10% lines when there is no terminal. */
  readonly io: CliIo;
  /** Draw a bar redrawn in place with '\r' here; absent: plain lines every ~10% (CI logs). */
  readonly terminal?: Terminal;
  /** Clock in milliseconds (default performance.now), replaceable in tests. */
  readonly now?: () => number;
  /** Width of the bar between the brackets (default 30, less on a narrow terminal). */
  readonly barWidth?: number;
}

const METRIC_SHORT: Readonly<Record<string, string>> = { accuracy: 'acc' };

/** `[=========>     ]`: done/total of the width, an arrow head at the front while unfinished. */
export function bar(done: number, total: number, width: number): string {
  const filled = total > 0 ? Math.min(width, Math.floor((done / total) * width)) : 0;
  const head = filled < width && done > 0 ? '>' : '';
  const body = '='.repeat(filled < width && done > 0 ? Math.max(0, filled - 1) : filled);
  return `[${`${body}${head}`.padEnd(width)}]`;
}

/**
 * fit() callback that shows training as a practitioner expects from Keras / tqdm: on a TTY one
 * line redrawn in place,
 *   epoch 2/5 [=========>     ] 612/938 loss 0.0712 acc 0.978 1,840 samples/s ETA 0:12
 * and without one (CI logs) the same text as a plain line every ~10% of an epoch; after each
 * epoch a summary line with the validation metrics, the learning rate and the time taken.
 */
export class ProgressBar implements Callback {
  readonly #io: CliIo;
  readonly #terminal: Terminal | undefined;
  readonly #now: () => number;
  readonly #barWidth: number;
  #epochStart = 0;
  #lastDraw = -Infinity;
  #samples = 0;
  #lastBatch = 0;
  #drawn = false;

  constructor(options: ProgressBarOptions) {
    this.#io = options.io;
    this.#terminal = options.terminal;
    this.#now = options.now ?? (() => performance.now());
    this.#barWidth = options.barWidth ?? 30;
  }

  onEpochBegin(): void {
    this.#epochStart = this.#now();
    this.#lastDraw = -Infinity;
    this.#samples = 0;
    this.#lastBatch = this.#epochStart;
  }

  onBatchEnd(logs: BatchLogs, ctx: TrainingContext): void {
    const total = ctx.numBatches;
    const done = logs.batch + 1;
    this.#samples = logs.samplesSeen;
    const now = this.#now();
    this.#lastBatch = now;
    if (this.#terminal) {
      // Redraw at most ~20 times a second: a terminal write per batch costs more than the batch on small models.
      if (now - this.#lastDraw < 50 && done !== total) return;
      this.#lastDraw = now;
      this.#redraw(this.#line(ctx, logs, done, total, now));
      return;
    }
    const every = total ? Math.max(1, Math.ceil(total / 10)) : 50;
    if (done % every === 0 && done !== total) this.#io.out(this.#line(ctx, logs, done, total, now));
  }

  onEpochEnd(epoch: number, logs: EpochLogs, ctx: TrainingContext): void {
    const seconds = (this.#now() - this.#epochStart) / 1000;
    const parts = [`epoch ${epoch + 1}/${ctx.epochs}`, `loss ${metricValue(logs.loss)}`];
    for (const [name, value] of Object.entries(logs)) {
      if (name === 'epoch' || name === 'loss' || name === 'lr' || name.startsWith('val_')) continue;
      parts.push(`${METRIC_SHORT[name] ?? name} ${metricValue(value)}`);
    }
    for (const [name, value] of Object.entries(logs)) {
      if (name.startsWith('val_')) parts.push(`${`val_${METRIC_SHORT[name.slice(4)] ?? name.slice(4)}`} ${metricValue(value)}`);
    }
    // Time is the whole epoch, validation included; throughput counts the training batches only.
    const trainingSeconds = (this.#lastBatch - this.#epochStart) / 1000;
    parts.push(`lr ${logs.lr.toPrecision(3)}`, `${seconds.toFixed(1)}s`);
    if (trainingSeconds > 0 && this.#samples > 0) parts.push(`${grouped(this.#samples / trainingSeconds)} samples/s`);
    if (this.#drawn) this.#terminal?.write('\r\x1b[2K');
    this.#drawn = false;
    this.#io.out(parts.join(' '));
  }

  onTrainEnd(ctx: TrainingContext): void {
    if (this.#drawn) this.#terminal?.write('\n');
    this.#drawn = false;
    if (ctx.stopTraining && ctx.stopReason) this.#io.out(`stopped early: ${ctx.stopReason}`);
  }

  #line(ctx: TrainingContext, logs: BatchLogs, done: number, total: number | undefined, now: number): string {
    const seconds = (now - this.#epochStart) / 1000;
    const parts = [`epoch ${this.#epochNumber(ctx)}/${ctx.epochs}`];
    if (total) parts.push(bar(done, total, this.#width()), `${done}/${total}`);
    else parts.push(`batch ${done}`);
    parts.push(`loss ${metricValue(logs.meanLoss)}`);
    for (const [name, value] of Object.entries(logs.metrics)) parts.push(`${METRIC_SHORT[name] ?? name} ${value.toFixed(3)}`);
    if (seconds > 0) parts.push(`${grouped(logs.samplesSeen / seconds)} samples/s`);
    if (total && done < total && seconds > 0) parts.push(`ETA ${clock((seconds / done) * (total - done))}`);
    return parts.join(' ');
  }

  #epochNumber(ctx: TrainingContext): number {
    // The epoch running now is the one after the last finished one.
    const last = ctx.history[ctx.history.length - 1];
    return (last ? last.epoch + 1 : ctx.initialEpoch) + 1;
  }

  #width(): number {
    const columns = this.#terminal?.columns;
    // Keep the whole line within the terminal: the text around the bar takes about 75 characters.
    return columns ? Math.max(10, Math.min(this.#barWidth, columns - 75)) : this.#barWidth;
  }

  #redraw(line: string): void {
    const columns = this.#terminal!.columns;
    const text = columns && line.length >= columns ? line.slice(0, columns - 1) : line;
    this.#terminal!.write(`\r\x1b[2K${text}`);
    this.#drawn = true;
  }
}
