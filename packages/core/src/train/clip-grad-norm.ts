import { engine } from '../eager/engine';
import { abs, exp, log, mul, reduceMax, reduceSum, scalar } from '../eager/functional';
import { CnnkitError } from '../errors';
import type { Parameter } from '../nn/parameter';
import type { Tensor } from '../tensor/tensor';

export interface ClipGradNormOptions {
  /** Throw instead of scaling when the total norm is NaN or infinite (torch's error_if_nonfinite). */
  readonly errorIfNonfinite?: boolean;
}

/**
 * torch.nn.utils.clip_grad_norm_: the norm of all gradients together (as if concatenated), and
 * when it exceeds maxNorm every gradient is scaled by maxNorm / (total + 1e-6). Returns the
 * total norm before clipping. Parameters without a gradient are ignored.
 */
export async function clipGradNorm(params: readonly Parameter[], maxNorm: number, normType = 2, options: ClipGradNormOptions = {}): Promise<number> {
  if (!(maxNorm >= 0)) throw new CnnkitError('INVALID_ARGUMENT', `clipGradNorm: maxNorm ${maxNorm} is invalid; expected a number >= 0`);
  if (!(normType > 0)) throw new CnnkitError('INVALID_ARGUMENT', `clipGradNorm: normType ${normType} is invalid; expected a number > 0 or Infinity`);
  const withGrad = [...new Set(params)].filter((p) => p.grad !== undefined);
  if (withGrad.length === 0) return 0;
  const partials = engine.noGrad(() => engine.tidy(() => withGrad.map((p) => engine.keep(partialNorm(p.grad!, normType)))));
  const values: number[] = [];
  try {
    for (const t of partials) values.push((await t.data())[0]!);
  } finally {
    for (const t of partials) t.dispose();
  }
  const total = normType === Infinity ? Math.max(...values) : values.reduce((a, b) => a + b, 0) ** (1 / normType);
  if (!Number.isFinite(total) && options.errorIfNonfinite) {
    throw new CnnkitError('NON_FINITE', `clipGradNorm: the total ${normType}-norm of ${withGrad.length} gradients is ${total}; expected a finite number`);
  }
  const coefficient = maxNorm / (total + 1e-6);
  // torch multiplies by min(coefficient, 1), NaN included; × 1 changes nothing, so it is skipped.
  if (coefficient < 1 || Number.isNaN(coefficient)) {
    engine.noGrad(() => {
      for (const p of withGrad) {
        const scaled = engine.tidy(() => mul(p.grad!, scalar(coefficient)));
        p.grad!.dispose();
        p.grad = engine.keep(scaled);
      }
    });
  }
  return total;
}

/** Σ|g|^p as one value (max |g| for p = ∞); the p-th root is taken once over all gradients. */
function partialNorm(g: Tensor, p: number): Tensor {
  if (p === Infinity) return reduceMax(abs(g));
  if (p === 1) return reduceSum(abs(g));
  if (p === 2) return reduceSum(mul(g, g));
  return reduceSum(exp(mul(log(abs(g)), scalar(p))));
}
