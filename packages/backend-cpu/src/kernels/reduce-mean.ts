import type { Kernel } from '@cnnkit/core';

export const reduceMeanKernel: Kernel<'reduceMean'> = () => {
  throw new Error('STUB: reduceMean kernel not written yet');
};
