import { type ConformanceCase, type GoldenFile, goldenCases, opCase, t } from '../../case';
import golden from '../golden/batchNorm.json';

export const batchNormCases: ConformanceCase[] = [
  opCase({
    id: 'batchNorm/hand/2-channels',
    op: 'batchNorm',
    description: 'rank 3 [1, 2, 2], each channel with its own scale, bias, mean and var (epsilon 0)',
    attrs: { epsilon: 0 },
    // x: channel 0 = [1, 3], channel 1 = [10, 20]; scale [2, 0.5], bias [1, -1], mean [1, 10], var [4, 25].
    inputs: [t([1, 3, 10, 20], [1, 2, 2]), t([2, 0.5], [2]), t([1, -1], [2]), t([1, 10], [2]), t([4, 25], [2])],
    // Channel 0: (x - 1) / 2 * 2 + 1 -> 1, 3. Channel 1: (x - 10) / 5 * 0.5 - 1 -> -1, 0.
    expected: t([1, 3, -1, 0], [1, 2, 2]),
  }),
  opCase({
    id: 'batchNorm/hand/epsilon',
    op: 'batchNorm',
    description: 'rank 2 [2, 1]: epsilon is added to var before the square root',
    attrs: { epsilon: 1 },
    inputs: [t([5, -3], [2, 1]), t([1], [1]), t([0], [1]), t([1], [1]), t([3], [1])],
    // sqrt(3 + 1) = 2: (5 - 1) / 2 = 2; (-3 - 1) / 2 = -2.
    expected: t([2, -2], [2, 1]),
  }),
  ...goldenCases(golden as GoldenFile),
];
