import { type GradientCase, type GradientGoldenFile, finiteDifferenceCase, gradientGoldens } from '../../training/gradient-case';
import golden from '../golden/grad_relu.json';
import { distinct } from './values';

// Kept away from 0 by construction: relu has a kink there.
export const reluGradientCases: GradientCase[] = [
  finiteDifferenceCase({
    name: 'away-from-zero',
    op: 'relu',
    description: 'distinct values, none within 0.1 of the kink at 0',
    inputs: [distinct([2, 5], 81)],
  }),
  ...gradientGoldens(golden as GradientGoldenFile),
];
