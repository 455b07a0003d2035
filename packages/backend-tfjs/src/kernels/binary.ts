import type { StaticShape } from '@cnnkit/core';
import type * as tf from '@tensorflow/tfjs-core';
import { inferOutput } from './infer-output';
import type { TfKernel } from './tf-kernel';

type BinaryOp = 'add' | 'sub' | 'mul' | 'div';

/** An elementwise kernel with NumPy broadcasting (tfjs's own); both inputs float32 or both int32 (checked by inference). */
export function binaryKernel<K extends BinaryOp>(op: K, apply: (a: tf.Tensor, b: tf.Tensor, outShape: StaticShape) => tf.Tensor): TfKernel<K> {
  return (inputs, attrs) => {
    const { shape } = inferOutput(op, inputs, attrs);
    return [apply(inputs[0]!, inputs[1]!, shape)];
  };
}
