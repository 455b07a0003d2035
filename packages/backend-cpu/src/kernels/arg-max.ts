import type { Kernel } from '@cnnkit/core';

export const argMaxKernel: Kernel<'argMax'> = () => {
  throw new Error('STUB: argMax kernel not written yet');
};
