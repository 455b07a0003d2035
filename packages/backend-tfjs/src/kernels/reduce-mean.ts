import * as tf from '@tensorflow/tfjs-core';
import { reductionKernel } from './reduction';

export const reduceMeanKernel = reductionKernel('reduceMean', (x, axes) => tf.mean(x, axes));
