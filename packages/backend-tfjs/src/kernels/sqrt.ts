import * as tf from '@tensorflow/tfjs-core';
import { unaryKernel } from './unary';

export const sqrtKernel = unaryKernel('sqrt', (x) => tf.sqrt(x));
