import type { Kernel } from '@cnnkit/core';

export const reshapeKernel: Kernel<'reshape'> = () => {
  throw new Error('STUB: reshape kernel not written yet');
};
