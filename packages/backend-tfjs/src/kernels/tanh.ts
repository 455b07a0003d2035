import * as tf from '@tensorflow/tfjs-core';
import { unaryKernel } from './unary';

export const tanhKernel = unaryKernel('tanh', (x) => tf.tanh(x));
