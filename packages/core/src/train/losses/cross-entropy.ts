import { logSoftmax, mul, neg, reduceSum, tensor } from '../../eager/functional';
import { CnnkitError } from '../../errors';
import { formatShape } from '../../tensor/shape';
import type { Tensor } from '../../tensor/tensor';
import { hostArray } from './host-values';
import { type Reduction, checkReduction } from './reduction';

export interface CrossEntropyOptions {
  /** ε of torch's label_smoothing: the target becomes (1 − ε)·one-hot + ε/C. */
  readonly labelSmoothing?: number;
  /** One rescaling weight per class (torch's `weight`). */
  readonly weight?: Tensor | ArrayLike<number>;
  readonly reduction?: Reduction;
  /** Targets equal to this contribute nothing, not even to the mean's denominator (torch default −100). */
  readonly ignoreIndex?: number;
}

const WHERE = 'crossEntropy';

/**
 * torch.nn.functional.cross_entropy for logits [N, C] and int32 class indices [N].
 *
 * PyTorch 1.13 computes (1 − ε)·nll + (ε/C)·smooth, where per sample i with target t
 *   nll_i = −w[t]·logp[i, t]   and   smooth_i = −Σ_c w[c]·logp[i, c]   (w = 1 without weights),
 * ignored samples contribute 0 to both, and 'mean' divides BOTH terms by Σ_{i not ignored} w[t_i].
 * All of that is linear in logp, so it is one host-built coefficient matrix Q:
 *   loss = −Σ_c logp ⊙ Q   (per row for 'none', over everything otherwise),
 * which keeps the graph to logSoftmax, mul and reduceSum for autograd.
 */
export function crossEntropy(logits: Tensor, targets: Tensor, options: CrossEntropyOptions = {}): Tensor {
  const reduction = checkReduction(options.reduction ?? 'mean', WHERE);
  const smoothing = options.labelSmoothing ?? 0;
  const ignoreIndex = options.ignoreIndex ?? -100;
  if (logits.rank !== 2 || logits.dtype !== 'float32') {
    throw new CnnkitError('SHAPE_MISMATCH', `${WHERE}: logits are ${logits.dtype} ${formatShape(logits.shape)}; expected float32 [N, C]`);
  }
  const [n, classes] = logits.shape as [number, number];
  if (targets.rank !== 1 || targets.shape[0] !== n || targets.dtype !== 'int32') {
    throw new CnnkitError('SHAPE_MISMATCH', `${WHERE}: targets are ${targets.dtype} ${formatShape(targets.shape)}; expected int32 [${n}] class indices for logits ${formatShape(logits.shape)}`);
  }
  if (!(smoothing >= 0 && smoothing <= 1)) {
    throw new CnnkitError('INVALID_ARGUMENT', `${WHERE}: labelSmoothing ${smoothing} is out of range; expected a number in [0, 1]`);
  }
  if (!Number.isInteger(ignoreIndex)) {
    throw new CnnkitError('INVALID_ARGUMENT', `${WHERE}: ignoreIndex ${ignoreIndex} is not an integer`);
  }
  const weight = classWeights(options.weight, classes);
  const target = hostArray(targets, WHERE, 'targets');
  for (let i = 0; i < n; i++) {
    const t = target[i]!;
    if (t !== ignoreIndex && (t < 0 || t >= classes)) {
      throw new CnnkitError('INVALID_ARGUMENT', `${WHERE}: target at index ${i} is ${t}; expected a class index in [0, ${classes}) for ${classes} classes (or ignoreIndex ${ignoreIndex})`, { index: i, value: t, classes });
    }
  }
  const coefficients = coefficientMatrix(target, weight, n, classes, smoothing, ignoreIndex, reduction);
  const weighted = mul(logSoftmax(logits, 1), tensor(coefficients, [n, classes]));
  return neg(reduceSum(weighted, reduction === 'none' ? [1] : []));
}

function classWeights(weight: CrossEntropyOptions['weight'], classes: number): ArrayLike<number> | undefined {
  if (weight === undefined) return undefined;
  const w = hostArray(weight, WHERE, 'weight');
  if (w.length !== classes) {
    throw new CnnkitError('SHAPE_MISMATCH', `${WHERE}: weight has ${w.length} values; expected one per class (${classes})`);
  }
  return w;
}

function coefficientMatrix(
  target: ArrayLike<number>, weight: ArrayLike<number> | undefined, n: number, classes: number,
  smoothing: number, ignoreIndex: number, reduction: Reduction,
): Float64Array {
  const q = new Float64Array(n * classes);
  const spread = smoothing / classes;
  let denominator = 0;
  for (let i = 0; i < n; i++) {
    const t = target[i]!;
    if (t === ignoreIndex) continue;
    const row = i * classes;
    if (spread !== 0) for (let c = 0; c < classes; c++) q[row + c] = spread * (weight ? weight[c]! : 1);
    const wt = weight ? weight[t]! : 1;
    q[row + t] = q[row + t]! + (1 - smoothing) * wt;
    denominator += wt;
  }
  // torch divides by Σ w[t] even when it is 0 (every target ignored): the mean is then NaN, as in torch.
  if (reduction === 'mean') for (let k = 0; k < q.length; k++) q[k] = q[k]! / denominator;
  return q;
}
