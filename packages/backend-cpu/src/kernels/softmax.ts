import type { Kernel } from '@cnnkit/core';

export const softmaxKernel: Kernel<'softmax'> = () => {
  throw new Error('STUB: softmax kernel not written yet');
};
