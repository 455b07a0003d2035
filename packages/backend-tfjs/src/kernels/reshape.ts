import * as tf from '@tensorflow/tfjs-core';
import { dims, inferOutput } from './infer-output';
import type { TfKernel } from './tf-kernel';

/** The target shape comes from core's inference (0 copies a dimension, -1 is inferred); tfjs shares the data. */
export const reshapeKernel: TfKernel<'reshape'> = (inputs, attrs) => [tf.reshape(inputs[0]!, dims(inferOutput('reshape', inputs, attrs).shape))];
