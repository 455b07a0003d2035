import { type GradientCase, type GradientGoldenFile, finiteDifferenceCase, gradientGoldens } from '../../training/gradient-case';
import golden from '../golden/grad_exp.json';
import { uniform } from './values';

export const expGradientCases: GradientCase[] = [
  finiteDifferenceCase({
    name: 'values',
    op: 'exp',
    description: '[2, 3] in [-1, 1)',
    inputs: [uniform([2, 3], 88)],
  }),
  ...gradientGoldens(golden as GradientGoldenFile),
];
