import type { TfKernel } from './tf-kernel';
import { maxPool } from './max-pooling';

export const maxPool2dKernel: TfKernel<'maxPool2d'> = (inputs, attrs) => maxPool('maxPool2d', inputs, attrs);
