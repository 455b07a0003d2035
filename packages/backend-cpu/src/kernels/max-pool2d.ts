import type { Kernel } from '@cnnkit/core';

export const maxPool2dKernel: Kernel<'maxPool2d'> = () => {
  throw new Error('STUB: maxPool2d kernel not written yet');
};
