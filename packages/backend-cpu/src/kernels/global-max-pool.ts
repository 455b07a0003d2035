import type { Kernel } from '@cnnkit/core';

export const globalMaxPoolKernel: Kernel<'globalMaxPool'> = () => {
  throw new Error('STUB: globalMaxPool kernel not written yet');
};
