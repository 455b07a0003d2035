import type { TfKernel } from '../tf-kernel';
import { avgPoolGradient } from './avg-pool-gradient';

/** See avg-pool-gradient.ts: dy over PyTorch's divisor, spread over each window by a transposed convolution with ones. */
export const avgPool2dBackwardKernel: TfKernel<'avgPool2dBackward'> = (inputs, attrs) => avgPoolGradient('avgPool2dBackward', inputs, attrs);
