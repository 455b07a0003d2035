import type { Kernel } from '@cnnkit/core';
import { maxPoolBackward } from './max-pooling-backward';

export const maxPool2dBackwardKernel: Kernel<'maxPool2dBackward'> = (inputs, attrs) => maxPoolBackward('maxPool2dBackward', 2, inputs, attrs);
