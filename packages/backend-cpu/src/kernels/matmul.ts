import type { Kernel } from '@cnnkit/core';

export const matmulKernel: Kernel<'matmul'> = () => {
  throw new Error('STUB: matmul kernel not written yet');
};
