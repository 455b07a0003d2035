import type { BatchLogs, EpochLogs, TrainingContext } from '@cnnkit/core';
import { describe, expect, it } from 'vitest';
import { captureIo } from '../io';
import { ProgressBar, bar } from './progress-bar';

/** Drives the callback as fit() would: 10 batches of 64 samples, then the epoch's end (tests advance their clock around the calls). */
function drive(progress: ProgressBar): void {
  const history: EpochLogs[] = [];
  const ctx = { epochs: 5, initialEpoch: 1, numBatches: 10, history, stopTraining: false, stopReason: undefined } as unknown as TrainingContext;
  progress.onEpochBegin();
  for (let b = 0; b < 10; b++) {
    const logs: BatchLogs = { batch: b, batchSize: 64, loss: 0.1, meanLoss: 0.0712, metrics: { accuracy: 0.978 }, samplesSeen: 64 * (b + 1) };
    progress.onBatchEnd(logs, ctx);
  }
  progress.onEpochEnd(1, { epoch: 1, loss: 0.0712, accuracy: 0.978, val_loss: 0.05, val_accuracy: 0.983, lr: 1e-3 } as EpochLogs, ctx);
  progress.onTrainEnd(ctx);
}

function clocked(): { now: () => number; tick: (ms: number) => void } {
  let t = 0;
  return { now: () => t, tick: (ms) => (t += ms) };
}

describe('ProgressBar', () => {
  it('draws [=====>    ] bars', () => {
    expect(bar(0, 10, 10)).toBe('[          ]');
    expect(bar(5, 10, 10)).toBe('[====>     ]');
    expect(bar(10, 10, 10)).toBe('[==========]');
  });

  it('on a terminal redraws one line in place, then prints the epoch summary', () => {
    const io = captureIo();
    const writes: string[] = [];
    const c = clocked();
    const progress = new ProgressBar({ io, terminal: { write: (t) => writes.push(t), columns: 200 }, now: c.now, barWidth: 10 });
    // Advance the clock 100 ms per batch through the callback's own reads.
    const original = progress.onBatchEnd.bind(progress);
    progress.onBatchEnd = (logs, ctx) => {
      c.tick(100);
      original(logs, ctx);
    };
    const end = progress.onEpochEnd.bind(progress);
    progress.onEpochEnd = (e, logs, ctx) => {
      c.tick(500);
      end(e, logs, ctx);
    };
    drive(progress);
    // Every redraw starts with a carriage return and clears the line; no newline until the end.
    expect(writes.length).toBeGreaterThan(5);
    expect(writes.slice(0, -1).every((w) => w.startsWith('\r\x1b[2K') && !w.includes('\n'))).toBe(true);
    expect(writes).toContain('\r\x1b[2Kepoch 2/5 [====>     ] 5/10 loss 0.0712 acc 0.978 640 samples/s ETA 0:01');
    // The epoch summary: 1.5 s in all, 640 samples in the 1.0 s of training batches.
    expect(io.stdout).toEqual(['epoch 2/5 loss 0.0712 acc 0.9780 val_loss 0.0500 val_acc 0.9830 lr 0.00100 1.5s 640 samples/s']);
  });

  it('without a terminal prints plain lines every ~10% (CI logs)', () => {
    const io = captureIo();
    const progress = new ProgressBar({ io, now: () => 0, barWidth: 10 });
    drive(progress);
    // 10 batches: a line after each but the last, which the epoch summary replaces.
    expect(io.stdout).toHaveLength(10);
    expect(io.stdout[0]).toBe('epoch 2/5 [>         ] 1/10 loss 0.0712 acc 0.978');
    expect(io.stdout[9]).toMatch(/^epoch 2\/5 loss 0\.0712 acc 0\.9780 val_loss 0\.0500 val_acc 0\.9830 lr 0\.00100 0\.0s$/);
  });
});
