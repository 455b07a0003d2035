import { type GradientCase, type GradientGoldenFile, finiteDifferenceCase, gradientGoldens } from '../../training/gradient-case';
import golden from '../golden/grad_avgPool1d.json';
import { uniform } from './values';

export const avgPool1dGradientCases: GradientCase[] = [
  finiteDifferenceCase({
    name: 'k3s2p1-ceil-exclude-pad',
    op: 'avgPool1d',
    description: 'window 3, stride 2, pad 1, ceil_mode, count_include_pad off on [2, 2, 7]',
    attrs: { kernelSize: 3, strides: 2, pads: 1, ceilMode: true, countIncludePad: false },
    inputs: [uniform([2, 2, 7], 27)],
  }),
  finiteDifferenceCase({
    name: 'k2s1-include-pad',
    op: 'avgPool1d',
    description: 'window 2, stride 1, pads [1, 0], count_include_pad',
    attrs: { kernelSize: 2, strides: 1, pads: [1, 0] },
    inputs: [uniform([1, 1, 5], 28)],
  }),
  ...gradientGoldens(golden as GradientGoldenFile),
];
