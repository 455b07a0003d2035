import type { TfKernel } from '../tf-kernel';
import { convInputGradient } from './conv-input-gradient';

/** See conv-input-gradient.ts: a transposed convolution onto the padded frame, then crop or circular fold. */
export const conv2dBackwardInputKernel: TfKernel<'conv2dBackwardInput'> = (inputs, attrs) => convInputGradient('conv2dBackwardInput', inputs, attrs);
