import * as tf from '@tensorflow/tfjs-core';
import { reductionKernel } from './reduction';

export const reduceSumKernel = reductionKernel('reduceSum', (x, axes) => tf.sum(x, axes));
