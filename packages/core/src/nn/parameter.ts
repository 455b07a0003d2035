import { engine } from '../eager/engine';
import type { Tensor } from '../tensor/tensor';

/**
 * A trainable tensor. `value` is replaced (not mutated) by optimizers, so backends whose
 * tensors are immutable train the same way; `grad` is filled by `backward` and cleared by
 * `optimizer.zeroGrad()`. A frozen parameter (`requiresGrad = false`) gets no gradient.
 */
export class Parameter {
  #value: Tensor;
  grad: Tensor | undefined;
  requiresGrad: boolean;

  constructor(value: Tensor, requiresGrad = true) {
    this.#value = engine.keep(value);
    this.requiresGrad = requiresGrad;
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

  /** Adds g (taking ownership of it) to the gradient; gradients accumulate across backward calls, as in PyTorch. */
  accumulateGrad(g: Tensor, add: (a: Tensor, b: Tensor) => Tensor): void {
    if (!this.grad) {
      this.grad = engine.keep(g);
      return;
    }
    const sum = engine.keep(add(this.grad, g));
    this.grad.dispose();
    g.dispose();
    this.grad = sum;
  }

  zeroGrad(): void {
    this.grad?.dispose();
    this.grad = undefined;
  }
}
