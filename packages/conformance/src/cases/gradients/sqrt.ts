import { type GradientCase, type GradientGoldenFile, finiteDifferenceCase, gradientGoldens } from '../../training/gradient-case';
import golden from '../golden/grad_sqrt.json';
import { positive } from './values';

export const sqrtGradientCases: GradientCase[] = [
  finiteDifferenceCase({
    name: 'values',
    op: 'sqrt',
    description: '[2, 3] in [0.5, 2)',
    inputs: [positive([2, 3], 90)],
  }),
  ...gradientGoldens(golden as GradientGoldenFile),
];
