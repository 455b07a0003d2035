import * as tf from '@tensorflow/tfjs-core';
import { unaryKernel } from './unary';

/** ln x: ln 0 = -Infinity, negatives NaN. */
export const logKernel = unaryKernel('log', (x) => tf.log(x));
