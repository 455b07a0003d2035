import { type GradientCase, type GradientGoldenFile, finiteDifferenceCase, gradientGoldens } from '../../training/gradient-case';
import golden from '../golden/grad_dropout.json';
import { uniform } from './values';

// With a fixed seed the mask is fixed, so training dropout is linear in x and differentiable.
export const dropoutGradientCases: GradientCase[] = [
  finiteDifferenceCase({
    name: 'training-seeded',
    op: 'dropout',
    description: 'training, ratio 0.4, seed 11 on [4, 5]: dropped values get 0, kept ones 1 / 0.6',
    attrs: { ratio: 0.4, training: true, seed: 11 },
    inputs: [uniform([4, 5], 131)],
  }),
  finiteDifferenceCase({
    name: 'inference',
    op: 'dropout',
    description: 'training off: the identity',
    attrs: { ratio: 0.4 },
    inputs: [uniform([2, 3], 132)],
  }),
  ...gradientGoldens(golden as GradientGoldenFile),
];
