import * as tf from '@tensorflow/tfjs-core';
import { binaryKernel } from './binary';

export const addKernel = binaryKernel('add', (a, b) => tf.add(a, b));
