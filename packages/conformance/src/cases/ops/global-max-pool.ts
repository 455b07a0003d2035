import { type ConformanceCase, type GoldenFile, goldenCases, opCase, t } from '../../case';
import golden from '../golden/globalMaxPool.json';

export const globalMaxPoolCases: ConformanceCase[] = [
  opCase({
    id: 'globalMaxPool/hand/rank4-2-channels',
    op: 'globalMaxPool',
    description: 'max of each 2x2 plane, one plane all negative; H and W are kept as 1',
    inputs: [t([1, 4, 3, 2, -5, -2, -3, -4], [1, 2, 2, 2])],
    // max{1,4,3,2} = 4; max{-5,-2,-3,-4} = -2.
    expected: t([4, -2], [1, 2, 1, 1]),
  }),
  opCase({
    id: 'globalMaxPool/hand/rank5',
    op: 'globalMaxPool',
    description: 'rank 5 (N, C, D, H, W): max over all three spatial axes',
    inputs: [t([0, 7, -1, 3], [1, 1, 2, 1, 2])],
    // max{0,7,-1,3} = 7.
    expected: t([7], [1, 1, 1, 1, 1]),
  }),
  ...goldenCases(golden as GoldenFile),
];
