import type { Kernel } from '@cnnkit/core';
import { convolution } from './convolution';

export const conv2dKernel: Kernel<'conv2d'> = (inputs, attrs) => convolution('conv2d', inputs, attrs);
