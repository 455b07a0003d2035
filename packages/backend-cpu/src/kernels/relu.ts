import type { Kernel } from '@cnnkit/core';

export const reluKernel: Kernel<'relu'> = () => {
  throw new Error('STUB: relu kernel not written yet');
};
