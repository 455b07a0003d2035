import type { Kernel } from '@cnnkit/core';

export const avgPool1dKernel: Kernel<'avgPool1d'> = () => {
  throw new Error('STUB: avgPool1d kernel not written yet');
};
