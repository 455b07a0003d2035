import { normalizeAxis } from '@cnnkit/core';
import { inferOutput } from './infer-output';
import { softmaxAlong } from './softmax-along-axis';
import type { TfKernel } from './tf-kernel';

export const softmaxKernel: TfKernel<'softmax'> = (inputs, attrs) => {
  inferOutput('softmax', inputs, attrs);
  const x = inputs[0]!;
  return [softmaxAlong(x, normalizeAxis(attrs.axis, x.rank, 'softmax'), false)];
};
