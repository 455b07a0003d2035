import { type GradientCase, type GradientGoldenFile, finiteDifferenceCase, gradientGoldens } from '../../training/gradient-case';
import golden from '../golden/grad_sign.json';
import { distinct } from './values';

// Kept away from 0, where sign jumps.
export const signGradientCases: GradientCase[] = [
  finiteDifferenceCase({
    name: 'away-from-zero',
    op: 'sign',
    description: 'away from 0 sign is flat: finite differences are exactly 0',
    inputs: [distinct([2, 3], 87)],
  }),
  ...gradientGoldens(golden as GradientGoldenFile),
];
