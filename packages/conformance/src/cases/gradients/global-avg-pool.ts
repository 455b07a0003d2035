import { type GradientCase, type GradientGoldenFile, finiteDifferenceCase, gradientGoldens } from '../../training/gradient-case';
import golden from '../golden/grad_globalAvgPool.json';
import { uniform } from './values';

export const globalAvgPoolGradientCases: GradientCase[] = [
  finiteDifferenceCase({ name: 'ncl', op: 'globalAvgPool', description: '[2, 2, 3] (N, C, L)', inputs: [uniform([2, 2, 3], 31)] }),
  finiteDifferenceCase({ name: 'nchw', op: 'globalAvgPool', description: '[1, 2, 2, 3] (N, C, H, W)', inputs: [uniform([1, 2, 2, 3], 32)] }),
  ...gradientGoldens(golden as GradientGoldenFile),
];
