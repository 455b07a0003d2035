import { type GradientCase, type GradientGoldenFile, finiteDifferenceCase, gradientGoldens } from '../../training/gradient-case';
import golden from '../golden/grad_div.json';
import { positive, uniform } from './values';

export const divGradientCases: GradientCase[] = [
  finiteDifferenceCase({
    name: 'both-broadcast',
    op: 'div',
    description: '[2, 1, 3] div [4, 1] -> [2, 4, 3]: each gradient summed back to its operand',
    inputs: [uniform([2, 1, 3], 71), positive([4, 1], 72)],
  }),
  ...gradientGoldens(golden as GradientGoldenFile),
];
