import { type GradientCase, type GradientGoldenFile, finiteDifferenceCase, gradientGoldens } from '../../training/gradient-case';
import golden from '../golden/grad_slice.json';
import { uniform } from './values';

export const sliceGradientCases: GradientCase[] = [
  finiteDifferenceCase({
    name: 'two-axes-clamped',
    op: 'slice',
    description: 'starts [1, -3], ends [3, 100] on axes [0, 1] of [3, 4] (clamped end)',
    attrs: { starts: [1, -3], ends: [3, 100], axes: [0, 1] },
    inputs: [uniform([3, 4], 95)],
  }),
  ...gradientGoldens(golden as GradientGoldenFile),
];
