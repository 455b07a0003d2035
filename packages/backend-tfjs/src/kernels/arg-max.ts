import { CnnkitError, formatShape, normalizeAxis, sizeOf } from '@cnnkit/core';
import * as tf from '@tensorflow/tfjs-core';
import { dims, inferOutput } from './infer-output';
import type { TfKernel } from './tf-kernel';

/**
 * int32 index of the largest value along an axis, like torch.argmax: the first index wins a tie
 * (tfjs's argMax keeps the first too), and NaN counts as larger than everything, so the first NaN
 * wins — tfjs skips NaN, so rows holding one take the argMax of their NaN mask instead.
 */
export const argMaxKernel: TfKernel<'argMax'> = (inputs, attrs) => {
  const { shape } = inferOutput('argMax', inputs, attrs);
  const x = inputs[0]!;
  const axis = normalizeAxis(attrs.axis, x.rank, 'argMax');
  if (x.shape[axis] === 0 && sizeOf(shape) > 0) {
    throw new CnnkitError('INVALID_ARGUMENT', `argMax: axis ${axis} of x ${formatShape(x.shape)} is empty; expected at least one value to take the index of`);
  }
  const isNan = tf.isNaN(x);
  const index = tf.where(tf.any(isNan, axis), tf.argMax(tf.cast(isNan, 'float32'), axis), tf.argMax(x, axis));
  return [tf.reshape(index, dims(shape))];
};
