import type { Kernel } from '@cnnkit/core';
import { convBackwardInput } from './conv-backward';

/** See conv-backward.ts: dx = col2im(Wᵀ · dy) per batch item and group. */
export const conv1dBackwardInputKernel: Kernel<'conv1dBackwardInput'> = (inputs, attrs) => convBackwardInput('conv1dBackwardInput', inputs, attrs);
