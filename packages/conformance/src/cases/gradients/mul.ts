import { type GradientCase, type GradientGoldenFile, finiteDifferenceCase, gradientGoldens } from '../../training/gradient-case';
import golden from '../golden/grad_mul.json';
import { uniform } from './values';

export const mulGradientCases: GradientCase[] = [
  finiteDifferenceCase({
    name: 'both-broadcast',
    op: 'mul',
    description: '[2, 1, 3] mul [4, 1] -> [2, 4, 3]: each gradient summed back to its operand',
    inputs: [uniform([2, 1, 3], 71), uniform([4, 1], 72)],
  }),
  ...gradientGoldens(golden as GradientGoldenFile),
];
