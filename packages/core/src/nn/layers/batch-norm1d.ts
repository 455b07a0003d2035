import { type BatchNormOptions, BatchNormNd } from './batch-norm';

/** torch.nn.BatchNorm1d over N, C or N, C, L. */
export class BatchNorm1d extends BatchNormNd {
  constructor(numFeatures: number, options: BatchNormOptions = {}) {
    super('BatchNorm1d', [2, 3], 'N, C or N, C, L', numFeatures, options);
  }
}
