import type { Kernel } from '@cnnkit/core';
import { avgPoolBackward } from './avg-pooling-backward';

export const avgPool2dBackwardKernel: Kernel<'avgPool2dBackward'> = (inputs, attrs) => avgPoolBackward('avgPool2dBackward', 2, inputs, attrs);
