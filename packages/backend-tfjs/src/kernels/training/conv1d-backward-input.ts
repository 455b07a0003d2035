import type { TfKernel } from '../tf-kernel';
import { convInputGradient } from './conv-input-gradient';

/** See conv-input-gradient.ts: conv1d as conv2d over H = 1. */
export const conv1dBackwardInputKernel: TfKernel<'conv1dBackwardInput'> = (inputs, attrs) => convInputGradient('conv1dBackwardInput', inputs, attrs);
