import { add, concat, logSoftmax, mul, neg, reshape, scalar, slice, sub, tensor, zeros } from '../../eager/functional';
import { CnnkitError } from '../../errors';
import { formatShape, shapesEqual } from '../../tensor/shape';
import type { Tensor } from '../../tensor/tensor';
import { hostArray } from './host-values';
import { type Reduction, checkReduction, reduce } from './reduction';

export interface BinaryCrossEntropyWithLogitsOptions {
  /** Weight of positive examples, one per class (broadcast along the last axis) or one number (torch's pos_weight). */
  readonly posWeight?: Tensor | ArrayLike<number> | number;
  /** A per-element rescaling weight, the same shape as the logits (torch's `weight`). */
  readonly weight?: Tensor;
  readonly reduction?: Reduction;
}

const WHERE = 'binaryCrossEntropyWithLogits';

/**
 * torch.nn.functional.binary_cross_entropy_with_logits:
 *   ℓ = (1 − y)·x + (1 + (p − 1)·y)·softplus(−x),   softplus(−x) = −log σ(x).
 * −log σ(x) is taken as −logSoftmax([0, x])[1]: the same max-shifted, overflow-free value as
 * max(−x, 0) + log(1 + e^−|x|), but its gradient is σ(x) − 1 everywhere, whereas the |x| form's
 * gradient is wrong exactly at x = 0, which zero-initialised heads hit on their first step.
 */
export function binaryCrossEntropyWithLogits(logits: Tensor, targets: Tensor, options: BinaryCrossEntropyWithLogitsOptions = {}): Tensor {
  const reduction = checkReduction(options.reduction ?? 'mean', WHERE);
  if (logits.dtype !== 'float32' || targets.dtype !== 'float32' || !shapesEqual(logits.shape, targets.shape)) {
    throw new CnnkitError('SHAPE_MISMATCH', `${WHERE}: logits ${logits.dtype} ${formatShape(logits.shape)} and targets ${targets.dtype} ${formatShape(targets.shape)}; expected float32 tensors of one shape`);
  }
  if (options.weight && !shapesEqual(options.weight.shape, logits.shape)) {
    throw new CnnkitError('SHAPE_MISMATCH', `${WHERE}: weight ${formatShape(options.weight.shape)}; expected the logits' shape ${formatShape(logits.shape)}`);
  }
  const one = scalar(1);
  const negLogSigmoid = softplusOfNegative(logits);
  const positiveWeight = posWeightTensor(options.posWeight, logits);
  // 1 + (p − 1)·y; without pos_weight it is 1.
  const logWeight = positiveWeight ? add(one, mul(sub(positiveWeight, one), targets)) : undefined;
  let loss = mul(sub(one, targets), logits);
  loss = add(loss, logWeight ? mul(logWeight, negLogSigmoid) : negLogSigmoid);
  if (options.weight) loss = mul(loss, options.weight);
  return reduce(loss, reduction);
}

/** softplus(−x) = −log σ(x), stably, via a two-way logSoftmax over [0, x]. */
function softplusOfNegative(x: Tensor): Tensor {
  const column = [...x.shape, 1];
  const pair = concat([zeros(column), reshape(x, column)], x.rank);
  const logSigmoid = slice(logSoftmax(pair, x.rank), [1], [2], [x.rank]);
  return neg(reshape(logSigmoid, x.shape));
}

function posWeightTensor(posWeight: BinaryCrossEntropyWithLogitsOptions['posWeight'], logits: Tensor): Tensor | undefined {
  if (posWeight === undefined) return undefined;
  if (typeof posWeight === 'number') return scalar(posWeight);
  const values = hostArray(posWeight, WHERE, 'posWeight');
  const classes = logits.rank === 0 ? 1 : logits.shape[logits.rank - 1]!;
  if (values.length !== classes && values.length !== 1) {
    throw new CnnkitError('SHAPE_MISMATCH', `${WHERE}: posWeight has ${values.length} values; expected 1 or one per class along the last axis (${classes}) of logits ${formatShape(logits.shape)}`);
  }
  return tensor(values, values.length === 1 ? [] : [classes]);
}
