import * as tf from '@tensorflow/tfjs-core';
import { dims, inferOutput } from './infer-output';
import type { TfKernel } from './tf-kernel';

/** torch.flatten(x, startDim, endDim): a reshape to the shape core infers. */
export const flattenKernel: TfKernel<'flatten'> = (inputs, attrs) => [tf.reshape(inputs[0]!, dims(inferOutput('flatten', inputs, attrs).shape))];
