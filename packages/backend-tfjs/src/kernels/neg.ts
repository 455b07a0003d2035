import * as tf from '@tensorflow/tfjs-core';
import { unaryKernel } from './unary';

export const negKernel = unaryKernel('neg', (x) => tf.neg(x));
