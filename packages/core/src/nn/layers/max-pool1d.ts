import { type MaxPoolOptions, MaxPoolNd } from './max-pool';

/** torch.nn.MaxPool1d over N, C, L. */
export class MaxPool1d extends MaxPoolNd {
  constructor(kernelSize: number | readonly number[], options: MaxPoolOptions = {}) {
    super(1, kernelSize, options);
  }
}
