import { type GradientCase, type GradientGoldenFile, finiteDifferenceCase, gradientGoldens } from '../../training/gradient-case';
import golden from '../golden/grad_softmax.json';
import { uniform } from './values';

// Upstream is seeded noise, not ones: the gradient of Σ softmax(x) is zero and would prove nothing.
export const softmaxGradientCases: GradientCase[] = [
  finiteDifferenceCase({
    name: 'axis-1-inner',
    op: 'softmax',
    description: '[2, 3, 4] along the inner axis 1',
    attrs: { axis: 1 },
    inputs: [uniform([2, 3, 4], 101, -2, 2)],
  }),
  finiteDifferenceCase({
    name: 'axis-last',
    op: 'softmax',
    description: '[3, 4] along axis -1',
    attrs: { axis: -1 },
    inputs: [uniform([3, 4], 102, -2, 2)],
  }),
  ...gradientGoldens(golden as GradientGoldenFile),
];
