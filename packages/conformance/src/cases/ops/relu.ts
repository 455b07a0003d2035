import { type ConformanceCase, type GoldenFile, goldenCases, opCase, t } from '../../case';
import golden from '../golden/relu.json';

export const reluCases: ConformanceCase[] = [
  opCase({
    id: 'relu/hand/mixed-signs',
    op: 'relu',
    description: 'negatives become 0, the rest pass through; shape [2, 3] is kept',
    // max(x, 0): [-2, -0.5, 0, 0.5, 2, 100] -> [0, 0, 0, 0.5, 2, 100]
    inputs: [t([-2, -0.5, 0, 0.5, 2, 100], [2, 3])],
    expected: t([0, 0, 0, 0.5, 2, 100], [2, 3]),
  }),
  ...goldenCases(golden as GoldenFile),
];
