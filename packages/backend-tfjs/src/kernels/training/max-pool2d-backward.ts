import type { TfKernel } from '../tf-kernel';
import { maxPoolGradient } from './max-pool-gradient';

/** See max-pool-gradient.ts: dy routed to each window's first maximum (last NaN). */
export const maxPool2dBackwardKernel: TfKernel<'maxPool2dBackward'> = (inputs, attrs) => maxPoolGradient('maxPool2dBackward', inputs, attrs);
