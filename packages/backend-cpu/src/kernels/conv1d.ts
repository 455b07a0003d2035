import type { Kernel } from '@cnnkit/core';

export const conv1dKernel: Kernel<'conv1d'> = () => {
  throw new Error('STUB: conv1d kernel not written yet');
};
