import { engine } from '../eager/engine';
import { add } from '../eager/functional';
import type { Parameter } from '../nn/parameter';
import type { Tensor } from '../tensor/tensor';
import { valueAndGrads } from './value-and-grads';

/**
 * PyTorch's loss.backward() for a loss computed by f: evaluates f, accumulates the gradient
 * into `grad` of every parameter with requiresGrad, and returns the loss.
 */
export function backward(f: () => Tensor, parameters: readonly Parameter[]): Tensor {
  const trainable = parameters.filter((p) => p.requiresGrad);
  const { value, grads } = valueAndGrads(f, trainable.map((p) => p.value));
  engine.noGrad(() => {
    trainable.forEach((p, i) => {
      const g = grads[i];
      if (g) p.accumulateGrad(g, add);
    });
  });
  return engine.keep(value);
}
