import type { TfKernel } from './tf-kernel';
import { convolution } from './convolution';

/** conv1d is conv2d over a single row; see convolution.ts. */
export const conv1dKernel: TfKernel<'conv1d'> = (inputs, attrs) => convolution('conv1d', inputs, attrs);
