import { type GradientCase, type GradientGoldenFile, finiteDifferenceCase, gradientGoldens } from '../../training/gradient-case';
import golden from '../golden/grad_transpose.json';
import { uniform } from './values';

export const transposeGradientCases: GradientCase[] = [
  finiteDifferenceCase({
    name: 'cycle',
    op: 'transpose',
    description: '[2, 3, 2] with perm [1, 2, 0]',
    attrs: { perm: [1, 2, 0] },
    inputs: [uniform([2, 3, 2], 93)],
  }),
  ...gradientGoldens(golden as GradientGoldenFile),
];
