import { type GradientCase, type GradientGoldenFile, finiteDifferenceCase, gradientGoldens } from '../../training/gradient-case';
import golden from '../golden/grad_linear.json';
import { uniform } from './values';

export const linearGradientCases: GradientCase[] = [
  finiteDifferenceCase({
    name: 'rank3-bias',
    op: 'linear',
    description: '[2, 2, 3] x, [4, 3] weight, bias',
    inputs: [uniform([2, 2, 3], 63), uniform([4, 3], 64), uniform([4], 65)],
  }),
  ...gradientGoldens(golden as GradientGoldenFile),
];
