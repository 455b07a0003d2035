import { type GradientCase, type GradientGoldenFile, finiteDifferenceCase, gradientGoldens } from '../../training/gradient-case';
import golden from '../golden/grad_add.json';
import { uniform } from './values';

export const addGradientCases: GradientCase[] = [
  finiteDifferenceCase({
    name: 'both-broadcast',
    op: 'add',
    description: '[2, 1, 3] add [4, 1] -> [2, 4, 3]: each gradient summed back to its operand',
    inputs: [uniform([2, 1, 3], 71), uniform([4, 1], 72)],
  }),
  ...gradientGoldens(golden as GradientGoldenFile),
];
