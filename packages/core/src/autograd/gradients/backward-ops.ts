import { runOp } from '../../eager/engine';
import type { AttrsInput } from '../../ops/attributes';
import type { Tensor } from '../../tensor/tensor';

/**
 * The training-only backward ops as functions, for the gradients that need them. They are ops
 * like any other (a backend implements their kernels), just not part of the user-facing F.
 */
const one = (outputs: Tensor[]): Tensor => outputs[0]!;

export const conv1dBackwardInput = (dy: Tensor, w: Tensor, attrs: AttrsInput<'conv1dBackwardInput'>): Tensor => one(runOp('conv1dBackwardInput', [dy, w], attrs));
export const conv2dBackwardInput = (dy: Tensor, w: Tensor, attrs: AttrsInput<'conv2dBackwardInput'>): Tensor => one(runOp('conv2dBackwardInput', [dy, w], attrs));
export const conv1dBackwardFilter = (x: Tensor, dy: Tensor, attrs: AttrsInput<'conv1dBackwardFilter'>): Tensor => one(runOp('conv1dBackwardFilter', [x, dy], attrs));
export const conv2dBackwardFilter = (x: Tensor, dy: Tensor, attrs: AttrsInput<'conv2dBackwardFilter'>): Tensor => one(runOp('conv2dBackwardFilter', [x, dy], attrs));
export const maxPool1dBackward = (x: Tensor, dy: Tensor, attrs: AttrsInput<'maxPool1dBackward'>): Tensor => one(runOp('maxPool1dBackward', [x, dy], attrs));
export const maxPool2dBackward = (x: Tensor, dy: Tensor, attrs: AttrsInput<'maxPool2dBackward'>): Tensor => one(runOp('maxPool2dBackward', [x, dy], attrs));
export const avgPool1dBackward = (dy: Tensor, attrs: AttrsInput<'avgPool1dBackward'>): Tensor => one(runOp('avgPool1dBackward', [dy], attrs));
export const avgPool2dBackward = (dy: Tensor, attrs: AttrsInput<'avgPool2dBackward'>): Tensor => one(runOp('avgPool2dBackward', [dy], attrs));
export const gatherBackward = (dy: Tensor, indices: Tensor, attrs: AttrsInput<'gatherBackward'>): Tensor => one(runOp('gatherBackward', [dy, indices], attrs));

/** (dy, x, scale, batch mean, biased batch var) -> [dx, dscale, dbias]. */
export function batchNormBackward(dy: Tensor, x: Tensor, scale: Tensor, mean: Tensor, variance: Tensor, attrs: AttrsInput<'batchNormBackward'>): [Tensor, Tensor, Tensor] {
  const [dx, dscale, dbias] = runOp('batchNormBackward', [dy, x, scale, mean, variance], attrs);
  return [dx!, dscale!, dbias!];
}
