import { type GradientCase, type GradientGoldenFile, finiteDifferenceCase, gradientGoldens } from '../../training/gradient-case';
import golden from '../golden/grad_batchNormTraining.json';
import { uniform } from './values';

// Only y enters the loss: the batch mean and variance outputs feed running statistics.
export const batchNormTrainingGradientCases: GradientCase[] = [
  finiteDifferenceCase({
    name: 'ncl',
    op: 'batchNormTraining',
    description: '[3, 2, 2] batch statistics, eps 1e-5: d/dx (through the mean and variance), d/dscale, d/dbias',
    inputs: [uniform([3, 2, 2], 46), uniform([2], 47), uniform([2], 48)],
    upstream: [uniform([3, 2, 2], 49), null, null],
  }),
  finiteDifferenceCase({
    name: 'nchw',
    op: 'batchNormTraining',
    description: '[2, 2, 2, 2], eps 0.01',
    attrs: { epsilon: 0.01 },
    inputs: [uniform([2, 2, 2, 2], 50), uniform([2], 51), uniform([2], 52)],
    upstream: [uniform([2, 2, 2, 2], 53), null, null],
  }),
  ...gradientGoldens(golden as GradientGoldenFile),
];
