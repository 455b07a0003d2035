import { CnnkitError } from '../../errors';
import * as F from '../../eager/functional';
import type { Tensor } from '../../tensor/tensor';
import { Module } from '../module';
import { checkInput } from './layer-args';

/**
 * torch.nn.AdaptiveAvgPool2d for output size 1 only (the global average pool before a
 * classifier head, as in ResNet): N, C, H, W -> N, C, 1, 1. Other output sizes have no op in
 * the op set, so they are refused when the layer is built rather than computed wrongly.
 */
export class AdaptiveAvgPool2d extends Module {
  constructor(outputSize: number | readonly [number, number] = 1) {
    super();
    const ok = outputSize === 1 || (Array.isArray(outputSize) && outputSize.length === 2 && outputSize[0] === 1 && outputSize[1] === 1);
    if (!ok) {
      throw new CnnkitError('INVALID_ARGUMENT', `AdaptiveAvgPool2d: outputSize ${JSON.stringify(outputSize)} is not supported; expected 1 (or [1, 1]): only the global average pool is in the op set`);
    }
  }

  forward(x: Tensor): Tensor {
    checkInput(x, [4], 'N, C, H, W', this.describe());
    return F.globalAvgPool(x);
  }

  override extraRepr(): string {
    return 'output_size=1';
  }
}
