import { type OpAttrs, normalizeAxis } from '@cnnkit/core';
import * as tf from '@tensorflow/tfjs-core';
import { dims, inferOutput } from './infer-output';
import type { TfKernel } from './tf-kernel';

type ReduceOp = 'reduceSum' | 'reduceMean' | 'reduceMax';

/**
 * A reduction over `axes` (empty: every axis). The result is reshaped to core's inferred shape,
 * which settles keepDims for the every-axis case too.
 */
export function reductionKernel<K extends ReduceOp>(op: K, reduce: (x: tf.Tensor, axes: number[]) => tf.Tensor): TfKernel<K> {
  return (inputs, attrs: OpAttrs<K>) => {
    const { shape } = inferOutput(op, inputs, attrs);
    const x = inputs[0]!;
    const axes = attrs.axes.length === 0 ? x.shape.map((_, i) => i) : attrs.axes.map((a) => normalizeAxis(a, x.rank, op));
    return [tf.reshape(reduce(x, axes), dims(shape))];
  };
}
