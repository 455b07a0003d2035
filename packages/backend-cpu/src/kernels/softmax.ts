import { axisSoftmaxKernel } from './softmax-along-axis';

/** exp(x) / sum(exp(x)) along attrs.axis (any axis, negative counts from the end). */
export const softmaxKernel = axisSoftmaxKernel('softmax', false);
