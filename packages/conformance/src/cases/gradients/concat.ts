import { type GradientCase, type GradientGoldenFile, finiteDifferenceCase, gradientGoldens } from '../../training/gradient-case';
import golden from '../golden/grad_concat.json';
import { uniform } from './values';

export const concatGradientCases: GradientCase[] = [
  finiteDifferenceCase({
    name: 'axis1-three',
    op: 'concat',
    description: '[2, 1, 2], [2, 2, 2] and [2, 3, 2] along axis 1',
    attrs: { axis: 1 },
    inputs: [uniform([2, 1, 2], 111), uniform([2, 2, 2], 112), uniform([2, 3, 2], 113)],
  }),
  ...gradientGoldens(golden as GradientGoldenFile),
];
