import * as tf from '@tensorflow/tfjs-core';
import { unaryKernel } from './unary';

/** max(x, 0); NaN stays NaN on every engine, as torch.relu. */
export const reluKernel = unaryKernel('relu', (x) => tf.relu(x));
