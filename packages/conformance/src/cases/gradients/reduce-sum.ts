import { type GradientCase, type GradientGoldenFile, finiteDifferenceCase, gradientGoldens } from '../../training/gradient-case';
import golden from '../golden/grad_reduceSum.json';
import { uniform } from './values';

export const reduceSumGradientCases: GradientCase[] = [
  finiteDifferenceCase({
    name: 'interleaved',
    op: 'reduceSum',
    description: 'axes [0, 2] of [2, 3, 2]',
    attrs: { axes: [0, 2] },
    inputs: [uniform([2, 3, 2], 141)],
  }),
  finiteDifferenceCase({
    name: 'all-keepdims',
    op: 'reduceSum',
    description: 'every axis of [2, 3], keepDims',
    attrs: { axes: [], keepDims: true },
    inputs: [uniform([2, 3], 142)],
  }),
  ...gradientGoldens(golden as GradientGoldenFile),
];
