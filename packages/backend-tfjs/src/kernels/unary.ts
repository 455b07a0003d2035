import type { OpAttrs } from '@cnnkit/core';
import type * as tf from '@tensorflow/tfjs-core';
import { inferOutput } from './infer-output';
import type { TfKernel } from './tf-kernel';

type UnaryOp = 'relu' | 'leakyRelu' | 'sigmoid' | 'tanh' | 'neg' | 'abs' | 'sign' | 'exp' | 'log' | 'sqrt';

/** A one-input, one-output elementwise kernel; inference checks the dtype (float32). */
export function unaryKernel<K extends UnaryOp>(op: K, apply: (x: tf.Tensor, attrs: OpAttrs<K>) => tf.Tensor): TfKernel<K> {
  return (inputs, attrs) => {
    inferOutput(op, inputs, attrs);
    return [apply(inputs[0]!, attrs)];
  };
}
