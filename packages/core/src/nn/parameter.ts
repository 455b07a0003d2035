import { engine } from '../eager/engine';
import type { Tensor } from '../tensor/tensor';
import { OwnedTensor } from './owned-tensor';

/**
 * A trainable tensor. `value` is replaced (not mutated) by optimizers, so backends whose
 * tensors are immutable train the same way; `grad` is filled by `backward` and cleared by
 * `optimizer.zeroGrad()`. A frozen parameter (`requiresGrad = false`) gets no gradient.
 */
export class Parameter extends OwnedTensor {
  grad: Tensor | undefined;
  requiresGrad: boolean;

  constructor(value: Tensor, requiresGrad = true) {
    super(value);
    this.requiresGrad = requiresGrad;
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
