import * as tf from '@tensorflow/tfjs-core';
import { unaryKernel } from './unary';

/** x if x >= 0 else alpha·x (PyTorch's F.leaky_relu). */
export const leakyReluKernel = unaryKernel('leakyRelu', (x, { alpha }) => tf.leakyRelu(x, alpha));
