import type { TfKernel } from '../tf-kernel';
import { convFilterGradient } from './conv-filter-gradient';

/** See conv-filter-gradient.ts: conv1d as conv2d over H = 1. */
export const conv1dBackwardFilterKernel: TfKernel<'conv1dBackwardFilter'> = (inputs, attrs) => convFilterGradient('conv1dBackwardFilter', inputs, attrs);
