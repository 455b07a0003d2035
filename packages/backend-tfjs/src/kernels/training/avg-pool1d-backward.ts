import type { TfKernel } from '../tf-kernel';
import { avgPoolGradient } from './avg-pool-gradient';

/** See avg-pool-gradient.ts: dy over PyTorch's divisor, spread over each window by a transposed convolution with ones, over H = 1. */
export const avgPool1dBackwardKernel: TfKernel<'avgPool1dBackward'> = (inputs, attrs) => avgPoolGradient('avgPool1dBackward', inputs, attrs);
