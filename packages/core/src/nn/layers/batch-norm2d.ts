import { type BatchNormOptions, BatchNormNd } from './batch-norm';

/** torch.nn.BatchNorm2d over N, C, H, W. */
export class BatchNorm2d extends BatchNormNd {
  constructor(numFeatures: number, options: BatchNormOptions = {}) {
    super('BatchNorm2d', [4], 'N, C, H, W', numFeatures, options);
  }
}
