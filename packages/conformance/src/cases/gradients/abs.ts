import { type GradientCase, type GradientGoldenFile, finiteDifferenceCase, gradientGoldens } from '../../training/gradient-case';
import golden from '../golden/grad_abs.json';
import { distinct } from './values';

// Kept away from 0 by construction: abs has a kink there.
export const absGradientCases: GradientCase[] = [
  finiteDifferenceCase({
    name: 'away-from-zero',
    op: 'abs',
    description: 'distinct values, none within 0.1 of the kink at 0',
    inputs: [distinct([2, 4], 86)],
  }),
  ...gradientGoldens(golden as GradientGoldenFile),
];
