import { engine } from '../eager/engine';
import type { Tensor } from '../tensor/tensor';

/**
 * One tensor a module owns (a parameter's or a buffer's value): kept alive across tidy scopes,
 * and replaced rather than mutated, so backends whose tensors are immutable update it the same
 * way as the others.
 */
export abstract class OwnedTensor {
  #value: Tensor;

  constructor(value: Tensor) {
    this.#value = engine.keep(value);
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
