import type { Kernel } from '@cnnkit/core';
import { avgPool } from './avg-pooling';

export const avgPool1dKernel: Kernel<'avgPool1d'> = (inputs, attrs) => avgPool('avgPool1d', 1, inputs, attrs);
