import type { OpType } from '@cnnkit/core';

/**
 * A model trained for a few steps on fixed data, end to end on the backend under test (its
 * forward kernels, its backward kernels, core's autograd, loss and optimizer). Its truth is a
 * property, not a golden: every loss is finite and the last one is clearly below the first.
 */
export interface ModelTrainingCase {
  readonly kind: 'model-training';
  readonly id: string;
  /** The coverage-matrix row, e.g. 'training:lenet5'. */
  readonly subject: `training:${string}`;
  readonly level: 'training';
  readonly description: string;
  /** The kernels it runs, forward and backward; a backend that lacks one skips the case. */
  readonly ops: readonly OpType[];
  /**
   * Trains on the current eager backend (the runner sets it) and resolves to the loss of each
   * step, measured before that step's update.
   */
  readonly train: () => Promise<readonly number[]>;
  /** Passes when the last loss < maxFinalRatio × the first loss (and every loss is finite). */
  readonly maxFinalRatio: number;
}

/** Why a loss curve does not show learning, or undefined when it does. */
export function lossCurveProblem(losses: readonly number[], maxFinalRatio: number): string | undefined {
  if (losses.length < 2) return `recorded ${losses.length} loss value(s); expected at least 2 steps`;
  const curve = losses.map((l) => l.toPrecision(4)).join(', ');
  const bad = losses.findIndex((l) => !Number.isFinite(l));
  if (bad >= 0) return `loss at step ${bad + 1} is ${losses[bad]}; expected every loss finite (losses: ${curve})`;
  const first = losses[0]!;
  const last = losses[losses.length - 1]!;
  if (!(last < maxFinalRatio * first)) {
    return `final loss ${last.toPrecision(4)} is not below ${maxFinalRatio} × first loss ${first.toPrecision(4)} = ${(maxFinalRatio * first).toPrecision(4)} (losses: ${curve})`;
  }
  return undefined;
}
