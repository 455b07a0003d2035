import type { Kernel } from '@cnnkit/core';

export const transposeKernel: Kernel<'transpose'> = () => {
  throw new Error('STUB: transpose kernel not written yet');
};
