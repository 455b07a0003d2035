import { type GradientCase, type GradientGoldenFile, finiteDifferenceCase, gradientGoldens } from '../../training/gradient-case';
import golden from '../golden/grad_maxPool2d.json';
import { distinct } from './values';

// Distinct inputs: no ties, so each window's maximum stays the same under the ±step moves.
export const maxPool2dGradientCases: GradientCase[] = [
  finiteDifferenceCase({
    name: 'k3s2p1-ceil',
    op: 'maxPool2d',
    description: '3x3, stride 2, pad 1, ceil_mode on [1, 2, 5, 6]',
    attrs: { kernelSize: 3, strides: 2, pads: 1, ceilMode: true },
    inputs: [distinct([1, 2, 5, 6], 21)],
  }),
  finiteDifferenceCase({
    name: 'overlap-dilation2-asymmetric',
    op: 'maxPool2d',
    description: '2x2 dilated by 2, stride 1 (overlapping windows), pads [1, 0, 0, 1]',
    attrs: { kernelSize: 2, strides: 1, dilations: 2, pads: [1, 0, 0, 1] },
    inputs: [distinct([1, 1, 4, 5], 22)],
  }),
  ...gradientGoldens(golden as GradientGoldenFile),
];
