import type { TfKernel } from './tf-kernel';
import { convolution } from './convolution';

export const conv2dKernel: TfKernel<'conv2d'> = (inputs, attrs) => convolution('conv2d', inputs, attrs);
