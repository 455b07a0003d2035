import { type GradientCase, type GradientGoldenFile, finiteDifferenceCase, gradientGoldens } from '../../training/gradient-case';
import golden from '../golden/grad_maxPool1d.json';
import { distinct } from './values';

// Distinct inputs: no ties, so each window's maximum stays the same under the ±step moves.
export const maxPool1dGradientCases: GradientCase[] = [
  finiteDifferenceCase({
    name: 'k3s2p1-ceil',
    op: 'maxPool1d',
    description: 'window 3, stride 2, pad 1, ceil_mode on [2, 2, 8]',
    attrs: { kernelSize: 3, strides: 2, pads: 1, ceilMode: true },
    inputs: [distinct([2, 2, 8], 23)],
  }),
  finiteDifferenceCase({
    name: 'overlap-stride1',
    op: 'maxPool1d',
    description: 'window 3, stride 1: one maximum can win several windows',
    attrs: { kernelSize: 3, strides: 1 },
    inputs: [distinct([1, 1, 7], 24)],
  }),
  ...gradientGoldens(golden as GradientGoldenFile),
];
