import type { Kernel } from '@cnnkit/core';

export const conv2dKernel: Kernel<'conv2d'> = () => {
  throw new Error('STUB: conv2d kernel not written yet');
};
