import type { Tensor } from '../../tensor/tensor';
import { reduceSum } from '../../eager/functional';
import { reshapeTo } from './shape-helpers';

/** A per-channel vector [C] shaped [1, C, 1, ...] to broadcast against x of the given rank (axis 1 = channels). */
export function alongChannels(v: Tensor, rank: number): Tensor {
  const shape = new Array<number>(rank).fill(1);
  shape[1] = v.shape[0]!;
  return reshapeTo(v, shape);
}

/** Σ over every axis but the channel axis 1: [N, C, ...] -> [C]. */
export function sumPerChannel(t: Tensor): Tensor {
  return reduceSum(t, t.shape.map((_, i) => i).filter((i) => i !== 1));
}
