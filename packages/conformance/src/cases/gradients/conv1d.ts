import { type GradientCase, type GradientGoldenFile, finiteDifferenceCase, gradientGoldens } from '../../training/gradient-case';
import golden from '../golden/grad_conv1d.json';
import { uniform } from './values';

export const conv1dGradientCases: GradientCase[] = [
  finiteDifferenceCase({
    name: 'stride2-dilation2-bias',
    op: 'conv1d',
    description: 'kernel 3, stride 2, dilation 2, pads [2, 1], 2 -> 3 channels, batch 2, bias',
    attrs: { strides: 2, dilations: 2, pads: [2, 1] },
    inputs: [uniform([2, 2, 8], 11), uniform([3, 2, 3], 12), uniform([3], 13)],
  }),
  finiteDifferenceCase({
    name: 'circular-groups2',
    op: 'conv1d',
    description: 'circular pads [1, 2], groups 2: 4 -> 2 channels, no bias',
    attrs: { pads: [1, 2], paddingMode: 'circular', groups: 2 },
    inputs: [uniform([1, 4, 5], 14), uniform([2, 2, 3], 15)],
  }),
  ...gradientGoldens(golden as GradientGoldenFile),
];
