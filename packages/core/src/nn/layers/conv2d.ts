import { type ConvOptions, ConvNd } from './conv';

/** torch.nn.Conv2d over N, C, H, W with weight [out, in / groups, kH, kW]. */
export class Conv2d extends ConvNd {
  constructor(inChannels: number, outChannels: number, kernelSize: number | readonly number[], options: ConvOptions = {}) {
    super(2, inChannels, outChannels, kernelSize, options);
  }
}
