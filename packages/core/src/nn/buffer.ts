import { engine } from '../eager/engine';
import type { Tensor } from '../tensor/tensor';

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
 * running statistics). Like Parameter, the value is replaced, never mutated in place.
 */
export class ModuleBuffer {
  #value: Tensor;
  readonly optionalOnLoad: boolean;

  constructor(value: Tensor, options: ModuleBufferOptions = {}) {
    this.#value = engine.keep(value);
    this.optionalOnLoad = options.optionalOnLoad ?? false;
  }

  get value(): Tensor {
    return this.#value;
  }

  /** Replaces the value, disposing the old one unless it is the same tensor. */
  assign(value: Tensor): void {
    if (value === this.#value) return;
    this.#value.dispose();
    this.#value = engine.keep(value);
  }
}
