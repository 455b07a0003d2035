import type { Tensor } from '../tensor/tensor';
import { OwnedTensor } from './owned-tensor';

export interface ModuleBufferOptions {
  /**
   * When true, a state dict without this key loads without reporting it missing (the buffer
   * keeps its value). BatchNorm's num_batches_tracked is such a key: PyTorch checkpoints older
   * than 0.4.1, torchvision's original ImageNet weights among them, lack it and load strictly.
   */
  readonly optionalOnLoad?: boolean;
}

/**
 * Module state that is saved and loaded with the parameters but never trained (BatchNorm's
 * running statistics). Like Parameter, an OwnedTensor: the value is replaced, never mutated in place.
 */
export class ModuleBuffer extends OwnedTensor {
  readonly optionalOnLoad: boolean;

  constructor(value: Tensor, options: ModuleBufferOptions = {}) {
    super(value);
    this.optionalOnLoad = options.optionalOnLoad ?? false;
  }
}
