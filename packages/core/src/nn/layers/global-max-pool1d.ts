import * as F from '../../eager/functional';
import type { Tensor } from '../../tensor/tensor';
import { Module } from '../module';
import { checkInput } from './layer-args';

/**
 * Max over the whole length of N, C, L (TextCNN's max-over-time pooling). PyTorch has no
 * layer of this name (it is F.max_pool1d(x, x.shape[2])); the output is N, C like Keras's
 * GlobalMaxPooling1D, ready for a Linear, or N, C, 1 with keepDims.
 */
export class GlobalMaxPool1d extends Module {
  readonly keepDims: boolean;

  constructor(options: { keepDims?: boolean } = {}) {
    super();
    this.keepDims = options.keepDims ?? false;
  }

  forward(x: Tensor): Tensor {
    checkInput(x, [3], 'N, C, L', this.describe());
    const pooled = F.globalMaxPool(x);
    return this.keepDims ? pooled : F.reshape(pooled, [x.shape[0]!, x.shape[1]!]);
  }

  override extraRepr(): string {
    return this.keepDims ? 'keep_dims=True' : '';
  }
}
