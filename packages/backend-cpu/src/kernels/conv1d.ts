import type { Kernel } from '@cnnkit/core';
import { convolution } from './convolution';

/** conv1d is conv2d over a single row; see convolution.ts. */
export const conv1dKernel: Kernel<'conv1d'> = (inputs, attrs) => convolution('conv1d', inputs, attrs);
