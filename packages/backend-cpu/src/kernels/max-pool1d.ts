import type { Kernel } from '@cnnkit/core';

export const maxPool1dKernel: Kernel<'maxPool1d'> = () => {
  throw new Error('STUB: maxPool1d kernel not written yet');
};
