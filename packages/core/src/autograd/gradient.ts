import type { OpAttrs, OpType } from '../ops/attributes';
import type { Tensor } from '../tensor/tensor';

export interface GradContext<K extends OpType> {
  readonly inputs: readonly Tensor[];
  readonly outputs: readonly Tensor[];
  readonly attrs: OpAttrs<K>;
  /**
   * Which inputs the loss needs a gradient for. Costly gradients skip the rest: the first
   * convolution's dx (its input is data), or the weights of a frozen backbone.
   */
  readonly needsGrad: readonly boolean[];
}

/**
 * An op's gradient, written once in terms of ops (functional.ts), so every eager backend that
 * implements the kernels trains. Given the upstream gradient of each output (undefined where
 * an output did not reach the loss), returns the gradient of each input (undefined where the
 * input is not differentiable, e.g. int32 indices).
 */
export type GradFn<K extends OpType> = (dys: readonly (Tensor | undefined)[], ctx: GradContext<K>) => readonly (Tensor | undefined)[];

export type GradientTable = { readonly [K in OpType]?: GradFn<K> };
