import * as tf from '@tensorflow/tfjs-core';
import { binaryKernel } from './binary';

export const subKernel = binaryKernel('sub', (a, b) => tf.sub(a, b));
