import type { Kernel } from '@cnnkit/core';
import { convBackwardFilter } from './conv-backward';

/** See conv-backward.ts: dW = Σ over the batch of dy · im2col(x)ᵀ per group. */
export const conv2dBackwardFilterKernel: Kernel<'conv2dBackwardFilter'> = (inputs, attrs) => convBackwardFilter('conv2dBackwardFilter', inputs, attrs);
