import * as tf from '@tensorflow/tfjs-core';
import { binaryKernel } from './binary';

export const mulKernel = binaryKernel('mul', (a, b) => tf.mul(a, b));
