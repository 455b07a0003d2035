import * as tf from '@tensorflow/tfjs-core';
import { spatialAxes } from './global-pool-axes';
import { inferOutput } from './infer-output';
import type { TfKernel } from './tf-kernel';

/** Max over every spatial axis, kept as size 1; tf.max propagates NaN, as PyTorch's amax does. */
export const globalMaxPoolKernel: TfKernel<'globalMaxPool'> = (inputs, attrs) => {
  inferOutput('globalMaxPool', inputs, attrs);
  return [tf.max(inputs[0]!, spatialAxes(inputs[0]!), true)];
};
