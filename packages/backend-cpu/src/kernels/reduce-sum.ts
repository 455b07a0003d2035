import type { Kernel } from '@cnnkit/core';

export const reduceSumKernel: Kernel<'reduceSum'> = () => {
  throw new Error('STUB: reduceSum kernel not written yet');
};
