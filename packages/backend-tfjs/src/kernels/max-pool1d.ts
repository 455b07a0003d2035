import type { TfKernel } from './tf-kernel';
import { maxPool } from './max-pooling';

export const maxPool1dKernel: TfKernel<'maxPool1d'> = (inputs, attrs) => maxPool('maxPool1d', inputs, attrs);
