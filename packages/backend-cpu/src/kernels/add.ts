import type { Kernel } from '@cnnkit/core';

export const addKernel: Kernel<'add'> = () => {
  throw new Error('STUB: add kernel not written yet');
};
