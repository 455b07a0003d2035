import { matmul, reduceSum, transpose } from '../../eager/functional';
import { sizeOf } from '../../tensor/shape';
import type { GradFn } from '../gradient';
import { reshapeTo } from './shape-helpers';

/**
 * y = x @ Wᵀ + b over x [..., in]: with the leading axes flattened into rows (x2 [M, in],
 * dy2 [M, out]), dx = dy2 @ W, dW = dy2ᵀ @ x2, db = Σ_rows dy2.
 */
export const linearGradient: GradFn<'linear'> = ([dy], { inputs: [x, w, b], needsGrad }) => {
  const [outFeatures, inFeatures] = w!.shape as [number, number];
  const rows = sizeOf(x!.shape.slice(0, -1));
  const dy2 = reshapeTo(dy!, [rows, outFeatures]);
  const x2 = reshapeTo(x!, [rows, inFeatures]);
  return [
    needsGrad[0] ? reshapeTo(matmul(dy2, w!), x!.shape) : undefined,
    needsGrad[1] ? matmul(transpose(dy2, [1, 0]), x2) : undefined,
    b && needsGrad[2] ? reduceSum(dy2, [0]) : undefined,
  ];
};
