import type { Kernel } from '@cnnkit/core';

export const mulKernel: Kernel<'mul'> = () => {
  throw new Error('STUB: mul kernel not written yet');
};
