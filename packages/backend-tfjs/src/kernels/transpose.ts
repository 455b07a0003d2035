import * as tf from '@tensorflow/tfjs-core';
import { inferOutput } from './infer-output';
import type { TfKernel } from './tf-kernel';

export const transposeKernel: TfKernel<'transpose'> = (inputs, attrs) => {
  inferOutput('transpose', inputs, attrs);
  return [tf.transpose(inputs[0]!, [...attrs.perm])];
};
