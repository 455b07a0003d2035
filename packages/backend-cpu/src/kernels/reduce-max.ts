import type { Kernel } from '@cnnkit/core';

export const reduceMaxKernel: Kernel<'reduceMax'> = () => {
  throw new Error('STUB: reduceMax kernel not written yet');
};
