import { type GradientCase, type GradientGoldenFile, finiteDifferenceCase, gradientGoldens } from '../../training/gradient-case';
import golden from '../golden/grad_sigmoid.json';
import { uniform } from './values';

export const sigmoidGradientCases: GradientCase[] = [
  finiteDifferenceCase({
    name: 'values',
    op: 'sigmoid',
    description: '[2, 4] in [-1, 1)',
    inputs: [uniform([2, 4], 83)],
  }),
  ...gradientGoldens(golden as GradientGoldenFile),
];
