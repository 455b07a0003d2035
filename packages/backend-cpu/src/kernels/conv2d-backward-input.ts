import type { Kernel } from '@cnnkit/core';
import { convBackwardInput } from './conv-backward';

/** See conv-backward.ts: dx = col2im(Wᵀ · dy) per batch item and group. */
export const conv2dBackwardInputKernel: Kernel<'conv2dBackwardInput'> = (inputs, attrs) => convBackwardInput('conv2dBackwardInput', inputs, attrs);
