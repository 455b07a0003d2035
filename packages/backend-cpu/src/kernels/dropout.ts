import type { Kernel } from '@cnnkit/core';

export const dropoutKernel: Kernel<'dropout'> = () => {
  throw new Error('STUB: dropout kernel not written yet');
};
