import type { TfKernel } from '../tf-kernel';
import { maxPoolGradient } from './max-pool-gradient';

/** See max-pool-gradient.ts: dy routed to each window's first maximum (last NaN), over H = 1. */
export const maxPool1dBackwardKernel: TfKernel<'maxPool1dBackward'> = (inputs, attrs) => maxPoolGradient('maxPool1dBackward', inputs, attrs);
