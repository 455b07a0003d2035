import * as tf from '@tensorflow/tfjs-core';
import { unaryKernel } from './unary';

export const absKernel = unaryKernel('abs', (x) => tf.abs(x));
