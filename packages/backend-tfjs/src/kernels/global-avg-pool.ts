import * as tf from '@tensorflow/tfjs-core';
import { spatialAxes } from './global-pool-axes';
import { inferOutput } from './infer-output';
import type { TfKernel } from './tf-kernel';

/** Mean over every spatial axis, kept as size 1 (ONNX GlobalAveragePool); NCHW as it is. */
export const globalAvgPoolKernel: TfKernel<'globalAvgPool'> = (inputs, attrs) => {
  inferOutput('globalAvgPool', inputs, attrs);
  return [tf.mean(inputs[0]!, spatialAxes(inputs[0]!), true)];
};
