import { type GradientCase, type GradientGoldenFile, finiteDifferenceCase, gradientGoldens } from '../../training/gradient-case';
import golden from '../golden/grad_avgPool2d.json';
import { uniform } from './values';

export const avgPool2dGradientCases: GradientCase[] = [
  finiteDifferenceCase({
    name: 'asymmetric-ceil-exclude-pad',
    op: 'avgPool2d',
    description: '3x3, stride 2, pads [1, 0, 1, 1], ceil_mode, count_include_pad off on [1, 2, 5, 6]',
    attrs: { kernelSize: 3, strides: 2, pads: [1, 0, 1, 1], ceilMode: true, countIncludePad: false },
    inputs: [uniform([1, 2, 5, 6], 25)],
  }),
  finiteDifferenceCase({
    name: 'same-include-pad',
    op: 'avgPool2d',
    description: "3x3, stride 2, pads 'same', count_include_pad on 6x7",
    attrs: { kernelSize: 3, strides: 2, pads: 'same', countIncludePad: true },
    inputs: [uniform([1, 1, 6, 7], 26)],
  }),
  ...gradientGoldens(golden as GradientGoldenFile),
];
