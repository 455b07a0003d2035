import type { Kernel } from '@cnnkit/core';
import { avgPool } from './avg-pooling';

export const avgPool2dKernel: Kernel<'avgPool2d'> = (inputs, attrs) => avgPool('avgPool2d', 2, inputs, attrs);
