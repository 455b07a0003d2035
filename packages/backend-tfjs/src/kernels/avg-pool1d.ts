import type { TfKernel } from './tf-kernel';
import { avgPool } from './avg-pooling';

export const avgPool1dKernel: TfKernel<'avgPool1d'> = (inputs, attrs) => avgPool('avgPool1d', inputs, attrs);
