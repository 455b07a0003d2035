import { type ConvOptions, ConvNd } from './conv';

/** torch.nn.Conv1d over N, C, L with weight [out, in / groups, k]. */
export class Conv1d extends ConvNd {
  constructor(inChannels: number, outChannels: number, kernelSize: number | readonly number[], options: ConvOptions = {}) {
    super(1, inChannels, outChannels, kernelSize, options);
  }
}
