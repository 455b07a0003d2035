import type { Kernel } from '@cnnkit/core';
import { maxPool } from './max-pooling';

export const maxPool2dKernel: Kernel<'maxPool2d'> = (inputs, attrs) => maxPool('maxPool2d', 2, inputs, attrs);
