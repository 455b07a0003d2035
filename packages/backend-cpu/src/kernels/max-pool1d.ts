import type { Kernel } from '@cnnkit/core';
import { maxPool } from './max-pooling';

export const maxPool1dKernel: Kernel<'maxPool1d'> = (inputs, attrs) => maxPool('maxPool1d', 1, inputs, attrs);
