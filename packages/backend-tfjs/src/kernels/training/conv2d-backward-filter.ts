import type { TfKernel } from '../tf-kernel';
import { convFilterGradient } from './conv-filter-gradient';

/** See conv-filter-gradient.ts: TensorFlow's Conv2DBackpropFilter where the engine has it, else a convolution of x with dy. */
export const conv2dBackwardFilterKernel: TfKernel<'conv2dBackwardFilter'> = (inputs, attrs) => convFilterGradient('conv2dBackwardFilter', inputs, attrs);
