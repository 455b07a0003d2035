import { type GradientCase, type GradientGoldenFile, finiteDifferenceCase, gradientGoldens } from '../../training/gradient-case';
import golden from '../golden/grad_matmul.json';
import { uniform } from './values';

export const matmulGradientCases: GradientCase[] = [
  finiteDifferenceCase({
    name: 'broadcast-both',
    op: 'matmul',
    description: '[2, 1, 2, 3] @ [3, 3, 2] -> [2, 3, 2, 2]: both operands summed back over their broadcast batch',
    inputs: [uniform([2, 1, 2, 3], 61), uniform([3, 3, 2], 62)],
  }),
  ...gradientGoldens(golden as GradientGoldenFile),
];
