import { matmul, transpose } from '../../eager/functional';
import type { Tensor } from '../../tensor/tensor';
import type { GradFn } from '../gradient';
import { sumToShape } from './shape-helpers';

/** Swaps the last two axes (the matrix transpose of every batch entry). */
function transposeLast2(t: Tensor): Tensor {
  const perm = t.shape.map((_, i) => i);
  perm[t.rank - 2] = t.rank - 1;
  perm[t.rank - 1] = t.rank - 2;
  return transpose(t, perm);
}

/** da = dy @ bᵀ, db = aᵀ @ dy, each summed back over the batch axes it was broadcast along. */
export const matmulGradient: GradFn<'matmul'> = ([dy], { inputs: [a, b], needsGrad }) => [
  needsGrad[0] ? sumToShape(matmul(dy!, transposeLast2(b!)), a!.shape) : undefined,
  needsGrad[1] ? sumToShape(matmul(transposeLast2(a!), dy!), b!.shape) : undefined,
];
