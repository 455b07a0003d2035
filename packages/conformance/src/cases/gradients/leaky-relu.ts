import { type GradientCase, type GradientGoldenFile, finiteDifferenceCase, gradientGoldens } from '../../training/gradient-case';
import golden from '../golden/grad_leakyRelu.json';
import { distinct } from './values';

// Kept away from 0 by construction: leakyRelu has a kink there.
export const leakyReluGradientCases: GradientCase[] = [
  finiteDifferenceCase({
    name: 'alpha-0.2',
    op: 'leakyRelu',
    description: 'alpha 0.2 on distinct values, none within 0.1 of 0',
    attrs: { alpha: 0.2 },
    inputs: [distinct([2, 5], 82)],
  }),
  ...gradientGoldens(golden as GradientGoldenFile),
];
