import type { OpType } from '@cnnkit/core';
import type { GradientCase } from './gradient-case';

/**
 * The training-only kernels each op's gradient runs (core's autograd/gradients/<op>.ts). Ops not
 * listed differentiate through forward ops only.
 */
const BACKWARD_KERNELS: Partial<Record<OpType, readonly OpType[]>> = {
  conv1d: ['conv1dBackwardInput', 'conv1dBackwardFilter'],
  conv2d: ['conv2dBackwardInput', 'conv2dBackwardFilter'],
  maxPool1d: ['maxPool1dBackward'],
  maxPool2d: ['maxPool2dBackward'],
  avgPool1d: ['avgPool1dBackward'],
  avgPool2d: ['avgPool2dBackward'],
  batchNormTraining: ['batchNormBackward'],
  gather: ['gatherBackward'],
};

/** What the gradient harness itself runs: L = Σ output ⊙ upstream. */
const LOSS_KERNELS: readonly OpType[] = ['mul', 'reduceSum', 'add'];

/**
 * Every kernel a gradient case needs: the op, its backward kernels, and the loss's. A global max
 * pool routes through the 1-d or 2-d max pool backward by its input's rank.
 */
export function gradientKernels(c: GradientCase): readonly OpType[] {
  const backward: readonly OpType[] =
    c.op === 'globalMaxPool' ? [c.inputs[0]?.shape.length === 3 ? 'maxPool1dBackward' : 'maxPool2dBackward'] : BACKWARD_KERNELS[c.op] ?? [];
  return [c.op, ...backward, ...LOSS_KERNELS];
}
