import { type GradientCase, type GradientGoldenFile, finiteDifferenceCase, gradientGoldens } from '../../training/gradient-case';
import golden from '../golden/grad_neg.json';
import { uniform } from './values';

export const negGradientCases: GradientCase[] = [
  finiteDifferenceCase({
    name: 'values',
    op: 'neg',
    description: '[2, 3] in [-1, 1)',
    inputs: [uniform([2, 3], 85)],
  }),
  ...gradientGoldens(golden as GradientGoldenFile),
];
