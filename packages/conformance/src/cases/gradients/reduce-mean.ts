import { type GradientCase, type GradientGoldenFile, finiteDifferenceCase, gradientGoldens } from '../../training/gradient-case';
import golden from '../golden/grad_reduceMean.json';
import { uniform } from './values';

export const reduceMeanGradientCases: GradientCase[] = [
  finiteDifferenceCase({
    name: 'interleaved',
    op: 'reduceMean',
    description: 'axes [0, 2] of [2, 3, 2]',
    attrs: { axes: [0, 2] },
    inputs: [uniform([2, 3, 2], 143)],
  }),
  finiteDifferenceCase({
    name: 'all-keepdims',
    op: 'reduceMean',
    description: 'every axis of [2, 3], keepDims',
    attrs: { axes: [], keepDims: true },
    inputs: [uniform([2, 3], 144)],
  }),
  ...gradientGoldens(golden as GradientGoldenFile),
];
