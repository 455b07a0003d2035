import type { Kernel } from '@cnnkit/core';

export const logSoftmaxKernel: Kernel<'logSoftmax'> = () => {
  throw new Error('STUB: logSoftmax kernel not written yet');
};
