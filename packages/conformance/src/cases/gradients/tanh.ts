import { type GradientCase, type GradientGoldenFile, finiteDifferenceCase, gradientGoldens } from '../../training/gradient-case';
import golden from '../golden/grad_tanh.json';
import { uniform } from './values';

export const tanhGradientCases: GradientCase[] = [
  finiteDifferenceCase({
    name: 'values',
    op: 'tanh',
    description: '[2, 4] in [-1, 1)',
    inputs: [uniform([2, 4], 84)],
  }),
  ...gradientGoldens(golden as GradientGoldenFile),
];
