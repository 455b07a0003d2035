import type { Kernel } from '@cnnkit/core';

export const subKernel: Kernel<'sub'> = () => {
  throw new Error('STUB: sub kernel not written yet');
};
