import type { Kernel } from '@cnnkit/core';

export const globalAvgPoolKernel: Kernel<'globalAvgPool'> = () => {
  throw new Error('STUB: globalAvgPool kernel not written yet');
};
