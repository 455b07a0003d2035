import type { Kernel } from '@cnnkit/core';

export const gatherKernel: Kernel<'gather'> = () => {
  throw new Error('STUB: gather kernel not written yet');
};
