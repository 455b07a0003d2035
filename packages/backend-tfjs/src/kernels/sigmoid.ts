import * as tf from '@tensorflow/tfjs-core';
import { unaryKernel } from './unary';

export const sigmoidKernel = unaryKernel('sigmoid', (x) => tf.sigmoid(x));
