import type { Kernel } from '@cnnkit/core';
import { cpuTensor, f32 } from '../tensor';
import { inferOutput } from './infer-static-shape';
import { reductionView } from './reduce-axes';
import { sumBlocks } from './reduce-sum';

/** Mean over any set of axes; the mean of nothing is NaN (0 / 0), as in PyTorch. */
export const reduceMeanKernel: Kernel<'reduceMean'> = (inputs, attrs) => {
  const x = inputs[0]!;
  const { shape } = inferOutput('reduceMean', inputs, attrs);
  const view = reductionView(f32(x), x.shape, attrs.axes, 'reduceMean');
  return [cpuTensor(sumBlocks(view, 1 / view.reduced), shape)];
};
