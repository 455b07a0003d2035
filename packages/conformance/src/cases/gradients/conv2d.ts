import { type GradientCase, type GradientGoldenFile, finiteDifferenceCase, gradientGoldens } from '../../training/gradient-case';
import golden from '../golden/grad_conv2d.json';
import { uniform } from './values';

export const conv2dGradientCases: GradientCase[] = [
  finiteDifferenceCase({
    name: 'k3-p1-bias',
    op: 'conv2d',
    description: '3x3, pad 1, 2 -> 2 channels, batch 2: d/dx, d/dweight, d/dbias',
    attrs: { pads: 1 },
    inputs: [uniform([2, 2, 4, 4], 1), uniform([2, 2, 3, 3], 2), uniform([2], 3)],
  }),
  finiteDifferenceCase({
    name: 'groups2-stride2-dilation2-asymmetric',
    op: 'conv2d',
    description: 'groups 2, stride 2, dilation 2, pads [1, 0, 2, 1] on [1, 4, 5, 6], no bias',
    attrs: { groups: 2, strides: 2, dilations: 2, pads: [1, 0, 2, 1] },
    inputs: [uniform([1, 4, 5, 6], 4), uniform([4, 2, 2, 2], 5)],
  }),
  finiteDifferenceCase({
    name: 'circular-same',
    op: 'conv2d',
    description: "circular padding with pads 'same' on 4x5, 3x3 kernel, bias",
    attrs: { pads: 'same', paddingMode: 'circular' },
    inputs: [uniform([1, 1, 4, 5], 6), uniform([2, 1, 3, 3], 7), uniform([2], 8)],
  }),
  ...gradientGoldens(golden as GradientGoldenFile),
];
