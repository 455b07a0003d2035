import type { Kernel } from '@cnnkit/core';

export const flattenKernel: Kernel<'flatten'> = () => {
  throw new Error('STUB: flatten kernel not written yet');
};
