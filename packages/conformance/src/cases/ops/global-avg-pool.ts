import { type ConformanceCase, type GoldenFile, goldenCases, opCase, t } from '../../case';
import golden from '../golden/globalAvgPool.json';

export const globalAvgPoolCases: ConformanceCase[] = [
  opCase({
    id: 'globalAvgPool/hand/rank4-2-channels',
    op: 'globalAvgPool',
    description: 'mean of each 2x2 plane; H and W are kept as 1',
    inputs: [t([1, 2, 3, 4, -1, 0, 0, 5], [1, 2, 2, 2])],
    // (1+2+3+4)/4 = 2.5; (-1+0+0+5)/4 = 1.
    expected: t([2.5, 1], [1, 2, 1, 1]),
  }),
  opCase({
    id: 'globalAvgPool/hand/rank3',
    op: 'globalAvgPool',
    description: 'rank 3 (N, C, L): mean over L, kept as 1',
    inputs: [t([1, 2, 6, 0, 0, 3], [2, 1, 3])],
    // (1+2+6)/3 = 3; (0+0+3)/3 = 1.
    expected: t([3, 1], [2, 1, 1]),
  }),
  ...goldenCases(golden as GoldenFile),
];
