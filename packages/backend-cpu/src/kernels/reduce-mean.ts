import type { Kernel } from '@cnnkit/core';
import { cpuTensor, f32 } from '../tensor';
import { inferOutput } from './infer-static-shape';
import { sumOver } from './reduce-sum';

/** Mean over any set of axes; the mean of nothing is NaN (0 / 0), as in PyTorch. */
export const reduceMeanKernel: Kernel<'reduceMean'> = (inputs, attrs) => {
  const x = inputs[0]!;
  const { shape } = inferOutput('reduceMean', inputs, attrs);
  return [cpuTensor(sumOver(f32(x), x.shape, attrs.axes, 'reduceMean', true), shape)];
};
