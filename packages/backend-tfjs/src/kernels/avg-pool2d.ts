import type { TfKernel } from './tf-kernel';
import { avgPool } from './avg-pooling';

export const avgPool2dKernel: TfKernel<'avgPool2d'> = (inputs, attrs) => avgPool('avgPool2d', inputs, attrs);
