import { mul, sub } from '../../eager/functional';
import { CnnkitError } from '../../errors';
import { formatShape, shapesEqual } from '../../tensor/shape';
import type { Tensor } from '../../tensor/tensor';
import { type Reduction, checkReduction, reduce } from './reduction';

export interface MseLossOptions {
  readonly reduction?: Reduction;
}

/**
 * torch.nn.functional.mse_loss: (pred − target)², reduced. Shapes must match: torch only warns
 * when they broadcast, and that is almost always a [N] vs [N, 1] mistake.
 */
export function mseLoss(pred: Tensor, target: Tensor, options: MseLossOptions = {}): Tensor {
  const reduction = checkReduction(options.reduction ?? 'mean', 'mseLoss');
  if (pred.dtype !== 'float32' || target.dtype !== 'float32' || !shapesEqual(pred.shape, target.shape)) {
    throw new CnnkitError('SHAPE_MISMATCH', `mseLoss: pred ${pred.dtype} ${formatShape(pred.shape)} and target ${target.dtype} ${formatShape(target.shape)}; expected float32 tensors of one shape`);
  }
  const diff = sub(pred, target);
  return reduce(mul(diff, diff), reduction);
}
