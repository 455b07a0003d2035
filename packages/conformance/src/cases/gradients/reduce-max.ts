import { type GradientCase, type GradientGoldenFile, finiteDifferenceCase, gradientGoldens } from '../../training/gradient-case';
import golden from '../golden/grad_reduceMax.json';
import { distinct } from './values';

// Distinct values: no ties, so each maximum stays the maximum under the ±step moves.
export const reduceMaxGradientCases: GradientCase[] = [
  finiteDifferenceCase({
    name: 'axis1',
    op: 'reduceMax',
    description: 'axis 1 of [3, 4]',
    attrs: { axes: [1] },
    inputs: [distinct([3, 4], 145)],
  }),
  finiteDifferenceCase({
    name: 'all',
    op: 'reduceMax',
    description: 'every axis of [2, 3]',
    inputs: [distinct([2, 3], 146)],
  }),
  ...gradientGoldens(golden as GradientGoldenFile),
];
