import type { Kernel } from '@cnnkit/core';

export const divKernel: Kernel<'div'> = () => {
  throw new Error('STUB: div kernel not written yet');
};
