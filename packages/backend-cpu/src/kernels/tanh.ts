import type { Kernel } from '@cnnkit/core';

export const tanhKernel: Kernel<'tanh'> = () => {
  throw new Error('STUB: tanh kernel not written yet');
};
