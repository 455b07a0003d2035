import type { Kernel } from '@cnnkit/core';
import { cpuTensor, values } from '../tensor';
import { inferOutput } from './infer-static-shape';

/** Merges axes startDim..endDim. A view over the input's array, for the reasons given in reshape.ts. */
export const flattenKernel: Kernel<'flatten'> = (inputs, attrs) => {
  const x = inputs[0]!;
  const { shape } = inferOutput('flatten', inputs, attrs);
  return [cpuTensor(values(x), shape)];
};
