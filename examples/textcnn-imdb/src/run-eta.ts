import type { BatchLogs, Callback, TrainingContext } from '@cnnkit/core';

/**
 * Prints, once, how long the whole training will take: after `afterBatches` batches of the first
 * epoch (past the first batch's warm-up), the measured time per batch × every batch of every
 * epoch. ProgressCallback's ETA covers the current epoch only.
 */
export function runEta(write: (line: string) => void, afterBatches = 10, now: () => number = () => performance.now()): Callback {
  let started = 0;
  let done = false;
  return {
    onEpochBegin: (epoch: number, ctx: TrainingContext) => {
      if (epoch === ctx.initialEpoch) started = now();
    },
    onBatchEnd: (logs: BatchLogs, ctx: TrainingContext) => {
      const total = ctx.numBatches;
      if (done || total === undefined || logs.batch + 1 < Math.min(afterBatches, total)) return;
      done = true;
      const perBatch = (now() - started) / (logs.batch + 1);
      const seconds = (perBatch * total * (ctx.epochs - ctx.initialEpoch)) / 1000;
      const text = seconds < 120 ? `${seconds.toFixed(0)} s` : `${(seconds / 60).toFixed(0)} min`;
      write(`estimated training time: about ${text} for ${ctx.epochs - ctx.initialEpoch} epoch(s) of ${total} batches (${((logs.samplesSeen / (now() - started)) * 1000).toFixed(0)} samples/s so far)\n`);
    },
  };
}
