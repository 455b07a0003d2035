import { type GradientCase, type GradientGoldenFile, finiteDifferenceCase, gradientGoldens } from '../../training/gradient-case';
import golden from '../golden/grad_reshape.json';
import { uniform } from './values';

export const reshapeGradientCases: GradientCase[] = [
  finiteDifferenceCase({
    name: 'infer',
    op: 'reshape',
    description: '[2, 3, 2] -> [3, -1]',
    attrs: { shape: [3, -1] },
    inputs: [uniform([2, 3, 2], 91)],
  }),
  ...gradientGoldens(golden as GradientGoldenFile),
];
