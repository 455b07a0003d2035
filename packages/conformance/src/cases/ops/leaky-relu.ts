import { type ConformanceCase, type GoldenFile, goldenCases, opCase, t } from '../../case';
import golden from '../golden/leakyRelu.json';

export const leakyReluCases: ConformanceCase[] = [
  opCase({
    id: 'leakyRelu/hand/alpha-0.1',
    op: 'leakyRelu',
    description: 'alpha 0.1 scales negatives only',
    // [-10, -1, 0, 3] -> [-10*0.1, -1*0.1, 0, 3] = [-1, -0.1, 0, 3]
    attrs: { alpha: 0.1 },
    inputs: [t([-10, -1, 0, 3], [2, 2])],
    expected: t([-1, -0.1, 0, 3], [2, 2]),
  }),
  opCase({
    id: 'leakyRelu/hand/default-alpha',
    op: 'leakyRelu',
    description: 'no alpha given: PyTorch\'s default negative_slope 0.01',
    // [-200, -5, 7] -> [-200*0.01, -5*0.01, 7] = [-2, -0.05, 7]
    inputs: [t([-200, -5, 7], [3])],
    expected: t([-2, -0.05, 7], [3]),
  }),
  ...goldenCases(golden as GoldenFile),
];
