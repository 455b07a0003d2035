import type { Kernel } from '@cnnkit/core';
import { convBackwardFilter } from './conv-backward';

/** See conv-backward.ts: dW = Σ over the batch of dy · im2col(x)ᵀ per group. */
export const conv1dBackwardFilterKernel: Kernel<'conv1dBackwardFilter'> = (inputs, attrs) => convBackwardFilter('conv1dBackwardFilter', inputs, attrs);
