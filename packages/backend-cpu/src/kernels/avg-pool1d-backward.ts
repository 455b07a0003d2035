import type { Kernel } from '@cnnkit/core';
import { avgPoolBackward } from './avg-pooling-backward';

export const avgPool1dBackwardKernel: Kernel<'avgPool1dBackward'> = (inputs, attrs) => avgPoolBackward('avgPool1dBackward', 1, inputs, attrs);
