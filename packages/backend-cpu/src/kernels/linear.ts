import type { Kernel } from '@cnnkit/core';

export const linearKernel: Kernel<'linear'> = () => {
  throw new Error('STUB: linear kernel not written yet');
};
