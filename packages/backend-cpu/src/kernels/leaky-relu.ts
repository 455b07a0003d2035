import type { Kernel } from '@cnnkit/core';

export const leakyReluKernel: Kernel<'leakyRelu'> = () => {
  throw new Error('STUB: leakyRelu kernel not written yet');
};
