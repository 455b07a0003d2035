import type { Kernel } from '@cnnkit/core';
import { maxPoolBackward } from './max-pooling-backward';

export const maxPool1dBackwardKernel: Kernel<'maxPool1dBackward'> = (inputs, attrs) => maxPoolBackward('maxPool1dBackward', 1, inputs, attrs);
