import type { Kernel } from '@cnnkit/core';

export const avgPool2dKernel: Kernel<'avgPool2d'> = () => {
  throw new Error('STUB: avgPool2d kernel not written yet');
};
