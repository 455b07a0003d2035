import { type GradientCase, type GradientGoldenFile, finiteDifferenceCase, gradientGoldens } from '../../training/gradient-case';
import golden from '../golden/grad_batchNorm.json';
import { positive, uniform } from './values';

export const batchNormGradientCases: GradientCase[] = [
  finiteDifferenceCase({
    name: 'ncl-all-inputs',
    op: 'batchNorm',
    description: '[2, 3, 2], eps 1e-3: x, scale, bias and the running mean and var',
    attrs: { epsilon: 1e-3 },
    inputs: [uniform([2, 3, 2], 41), uniform([3], 42), uniform([3], 43), uniform([3], 44), positive([3], 45)],
  }),
  ...gradientGoldens(golden as GradientGoldenFile),
];
