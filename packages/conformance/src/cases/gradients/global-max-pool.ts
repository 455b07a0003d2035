import { type GradientCase, type GradientGoldenFile, finiteDifferenceCase, gradientGoldens } from '../../training/gradient-case';
import golden from '../golden/grad_globalMaxPool.json';
import { distinct } from './values';

// Distinct inputs: one clear maximum per plane.
export const globalMaxPoolGradientCases: GradientCase[] = [
  finiteDifferenceCase({ name: 'ncl', op: 'globalMaxPool', description: '[2, 2, 5] (N, C, L)', inputs: [distinct([2, 2, 5], 33)] }),
  finiteDifferenceCase({ name: 'nchw', op: 'globalMaxPool', description: '[1, 2, 3, 3] (N, C, H, W)', inputs: [distinct([1, 2, 3, 3], 34)] }),
  ...gradientGoldens(golden as GradientGoldenFile),
];
