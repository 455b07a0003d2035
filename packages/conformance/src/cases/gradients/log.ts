import { type GradientCase, type GradientGoldenFile, finiteDifferenceCase, gradientGoldens } from '../../training/gradient-case';
import golden from '../golden/grad_log.json';
import { positive } from './values';

export const logGradientCases: GradientCase[] = [
  finiteDifferenceCase({
    name: 'values',
    op: 'log',
    description: '[2, 3] in [0.5, 2)',
    inputs: [positive([2, 3], 89)],
  }),
  ...gradientGoldens(golden as GradientGoldenFile),
];
