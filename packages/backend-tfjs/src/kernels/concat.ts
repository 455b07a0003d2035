import { normalizeAxis } from '@cnnkit/core';
import * as tf from '@tensorflow/tfjs-core';
import { inferOutput } from './infer-output';
import type { TfKernel } from './tf-kernel';

export const concatKernel: TfKernel<'concat'> = (inputs, attrs) => {
  inferOutput('concat', inputs, attrs);
  return [tf.concat([...inputs], normalizeAxis(attrs.axis, inputs[0]!.rank, 'concat'))];
};
