import { engine } from '../eager/engine';
import * as F from '../eager/functional';
import { CnnkitError } from '../errors';
import type { Parameter } from '../nn/parameter';
import type { Callback } from '../train/callbacks/callback';

/**
 * Kim (2014)'s constraint on the classifier: every row w of `weight` ([out, in]: one row per
 * class) whose L2 norm exceeds maxNorm is rescaled to norm maxNorm, others are left exactly as
 * they are (torch.renorm(w, 2, 0, maxNorm) without its 1e-7). Runs as ops on the weight's backend,
 * without a gradient: scale = maxNorm / (maxNorm + relu(‖w‖ − maxNorm)), which is 1 up to the
 * bound and maxNorm / ‖w‖ past it.
 */
export function renormRows(weight: Parameter, maxNorm: number, where = 'renormRows'): void {
  if (!(typeof maxNorm === 'number' && maxNorm > 0 && Number.isFinite(maxNorm))) {
    throw new CnnkitError('INVALID_ARGUMENT', `${where}: maxNorm is ${JSON.stringify(maxNorm)}; expected a finite number > 0`);
  }
  const w = weight.value;
  if (w.rank !== 2) {
    throw new CnnkitError('SHAPE_MISMATCH', `${where}: weight has rank ${w.rank}; expected a rank-2 [out, in] weight, one row per output`);
  }
  engine.noGrad(() => {
    const scaled = engine.tidy(() => {
      const bound = F.scalar(maxNorm);
      const norms = F.sqrt(F.reduceSum(F.mul(w, w), [1], true));
      return F.mul(w, F.div(bound, F.add(bound, F.relu(F.sub(norms, bound)))));
    });
    weight.assign(scaled);
  });
}

/** A model with a max-norm constraint to apply after each optimizer step (TextCnn). */
export interface MaxNormConstrained {
  applyMaxNorm(): void;
}

/**
 * The fit() callback form of a model's max-norm constraint: applies it after every optimizer
 * step, as Kim (2014) does after each gradient step.
 *
 *   await fit(model, { ..., callbacks: [maxNormConstraint(model)] });
 */
export function maxNormConstraint(model: MaxNormConstrained): Callback {
  return {
    onBatchEnd: () => model.applyMaxNorm(),
  };
}
