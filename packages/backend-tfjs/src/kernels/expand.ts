import * as tf from '@tensorflow/tfjs-core';
import { dims, inferOutput } from './infer-output';
import type { TfKernel } from './tf-kernel';

/** ONNX Expand: x broadcast to broadcast(x.shape, shape), as core infers it. */
export const expandKernel: TfKernel<'expand'> = (inputs, attrs) => [tf.broadcastTo(inputs[0]!, dims(inferOutput('expand', inputs, attrs).shape))];
