import { type GradientCase, type GradientGoldenFile, finiteDifferenceCase, gradientGoldens } from '../../training/gradient-case';
import golden from '../golden/grad_flatten.json';
import { uniform } from './values';

export const flattenGradientCases: GradientCase[] = [
  finiteDifferenceCase({
    name: 'from-axis-1',
    op: 'flatten',
    description: '[2, 2, 3] from axis 1',
    inputs: [uniform([2, 2, 3], 92)],
  }),
  ...gradientGoldens(golden as GradientGoldenFile),
];
