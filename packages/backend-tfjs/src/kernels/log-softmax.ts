import { normalizeAxis } from '@cnnkit/core';
import { inferOutput } from './infer-output';
import { softmaxAlong } from './softmax-along-axis';
import type { TfKernel } from './tf-kernel';

export const logSoftmaxKernel: TfKernel<'logSoftmax'> = (inputs, attrs) => {
  inferOutput('logSoftmax', inputs, attrs);
  const x = inputs[0]!;
  return [softmaxAlong(x, normalizeAxis(attrs.axis, x.rank, 'logSoftmax'), true)];
};
