import type { Tensor } from '../../tensor/tensor';
import { Module } from '../module';

/** torch.nn.Identity: returns its input (a head replaced by nothing, for feature extraction). */
export class Identity extends Module {
  forward(x: Tensor): Tensor {
    return x;
  }
}
