import * as tf from '@tensorflow/tfjs-core';
import { unaryKernel } from './unary';

export const expKernel = unaryKernel('exp', (x) => tf.exp(x));
