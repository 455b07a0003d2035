import { reduceMean, reduceSum } from '../../eager/functional';
import { CnnkitError } from '../../errors';
import type { Tensor } from '../../tensor/tensor';

/** How a loss folds its per-element values, as torch's `reduction` argument. */
export type Reduction = 'mean' | 'sum' | 'none';

export function checkReduction(reduction: unknown, where: string): Reduction {
  if (reduction === 'mean' || reduction === 'sum' || reduction === 'none') return reduction;
  throw new CnnkitError('INVALID_ARGUMENT', `${where}: reduction ${JSON.stringify(reduction)} is not known; expected 'mean', 'sum' or 'none'`, { reduction });
}

/** Applies a plain (unweighted) reduction to elementwise losses. */
export function reduce(losses: Tensor, reduction: Reduction): Tensor {
  if (reduction === 'none') return losses;
  return reduction === 'sum' ? reduceSum(losses) : reduceMean(losses);
}
