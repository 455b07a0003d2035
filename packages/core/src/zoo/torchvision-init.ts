import { kaimingNormal, normal, zeros } from '../nn/init';
import { ConvNd } from '../nn/layers/conv';
import { Linear } from '../nn/layers/linear';
import type { Module } from '../nn/module';
import type { Rng } from '../random/rng';

export interface TorchvisionInitOptions {
  /** std of the normal draws for Linear weights (VGG: 0.01); undefined keeps PyTorch's default (ResNet's fc). */
  readonly linearStd?: number;
}

/**
 * The init loop of torchvision's VGG and ResNet, over modules in the same order: every conv
 * weight kaiming_normal_(mode='fan_out', nonlinearity='relu') (std √2 / √(out · kH · kW), He et
 * al. 2015), conv biases 0; with linearStd, Linear weights N(0, linearStd²) and biases 0.
 * BatchNorm's weight 1 and bias 0 are already what its constructor gives.
 */
export function torchvisionInit(model: Module, rng: Rng, o: TorchvisionInitOptions = {}): void {
  for (const [, m] of model.namedModules()) {
    if (m instanceof ConvNd) {
      kaimingNormal(m.weight, { mode: 'fanOut', nonlinearity: 'relu', rng });
      if (m.bias) zeros(m.bias);
    } else if (m instanceof Linear && o.linearStd !== undefined) {
      normal(m.weight, 0, o.linearStd, rng);
      if (m.bias) zeros(m.bias);
    }
  }
}
