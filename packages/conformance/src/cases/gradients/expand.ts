import { type GradientCase, type GradientGoldenFile, finiteDifferenceCase, gradientGoldens } from '../../training/gradient-case';
import golden from '../golden/grad_expand.json';
import { uniform } from './values';

export const expandGradientCases: GradientCase[] = [
  finiteDifferenceCase({
    name: 'column-to-3d',
    op: 'expand',
    description: '[3, 1] -> [2, 3, 4]',
    attrs: { shape: [2, 1, 4] },
    inputs: [uniform([3, 1], 94)],
  }),
  ...gradientGoldens(golden as GradientGoldenFile),
];
