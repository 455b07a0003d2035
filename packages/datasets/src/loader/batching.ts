import { CnnkitError, type Rng } from '@cnnkit/core';

export interface BatchingOptions {
  readonly batchSize: number;
  /** Visit samples in a new random order every epoch (default false; keep it off for evaluation). */
  readonly shuffle?: boolean;
  /** Skip the last, smaller batch (default false). */
  readonly dropLast?: boolean;
  /** Use only the first `limit` samples (default: all). */
  readonly limit?: number;
}

export interface BatchPlan {
  readonly size: number;
  readonly batchSize: number;
  readonly numBatches: number;
  readonly shuffle: boolean;
}

/** Checks the batching options against `available` samples. */
export function planBatches(options: BatchingOptions, available: number, where: string): BatchPlan {
  const { batchSize, limit } = options;
  if (!Number.isInteger(batchSize) || batchSize < 1) throw new CnnkitError('INVALID_ARGUMENT', `${where}: batchSize is ${batchSize}; expected a positive integer`);
  if (limit !== undefined && !(Number.isInteger(limit) && limit >= 0)) throw new CnnkitError('INVALID_ARGUMENT', `${where}: limit is ${limit}; expected a non-negative integer`);
  const size = Math.min(available, limit ?? available);
  const numBatches = options.dropLast === true ? Math.floor(size / batchSize) : Math.ceil(size / batchSize);
  return { size, batchSize, numBatches, shuffle: options.shuffle ?? false };
}

/**
 * The epoch's sample order: 0..size−1, or with shuffle a Fisher–Yates permutation drawn from
 * rng (size − 1 draws, the same as core's arrayDataSource), drawn before any batch is made.
 */
export function epochOrder(plan: BatchPlan, rng: Rng): Int32Array {
  const order = new Int32Array(plan.size);
  for (let i = 0; i < order.length; i++) order[i] = i;
  if (plan.shuffle) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(rng.nextFloat() * (i + 1));
      const t = order[i]!;
      order[i] = order[j]!;
      order[j] = t;
    }
  }
  return order;
}
