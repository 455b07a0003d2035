import type { Kernel } from '@cnnkit/core';

export const concatKernel: Kernel<'concat'> = () => {
  throw new Error('STUB: concat kernel not written yet');
};
