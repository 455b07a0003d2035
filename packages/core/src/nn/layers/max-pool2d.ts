import { type MaxPoolOptions, MaxPoolNd } from './max-pool';

/** torch.nn.MaxPool2d over N, C, H, W. */
export class MaxPool2d extends MaxPoolNd {
  constructor(kernelSize: number | readonly number[], options: MaxPoolOptions = {}) {
    super(2, kernelSize, options);
  }
}
