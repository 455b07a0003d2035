import { axisSoftmaxKernel } from './softmax-along-axis';

/** x - logsumexp(x) along attrs.axis, computed directly rather than as log(softmax(x)) so tiny probabilities keep their precision. */
export const logSoftmaxKernel = axisSoftmaxKernel('logSoftmax', true);
