import { type ConformanceCase, type GoldenFile, goldenCases, opCase, t } from '../../case';
import golden from '../golden/avgPool2dBackward.json';

const op = 'avgPool2dBackward';

export const avgPool2dBackwardCases: ConformanceCase[] = [
  opCase({
    id: 'avgPool2dBackward/hand/k2s2',
    op,
    description: '2x2 window, stride 2 on 2x4: each dy spreads a quarter over its window',
    attrs: { kernelSize: [2, 2], strides: [2, 2], inputSize: [2, 4] },
    inputs: [t([4, 8], [1, 1, 1, 2])],
    // 4/4 = 1 over columns 0..1, 8/4 = 2 over columns 2..3.
    expected: t([1, 1, 2, 2, 1, 1, 2, 2], [1, 1, 2, 4]),
  }),
  opCase({
    id: 'avgPool2dBackward/hand/ceil-mode',
    op,
    description: 'ceilMode on 3x3, 2x2 window, stride 2: the overhanging windows divide by what is left',
    attrs: { kernelSize: [2, 2], strides: [2, 2], ceilMode: true, inputSize: [3, 3] },
    inputs: [t([4, 2, 6, 5], [1, 1, 2, 2])],
    // out = ceil((3 - 2) / 2) + 1 = 2. Windows: rows {0,1} / {2}, cols {0,1} / {2}; divisors 4, 2, 2, 1
    // (no end padding, so the cut window is all there is). Shares: 4/4 = 1, 2/2 = 1, 6/2 = 3, 5/1 = 5.
    expected: t([1, 1, 1, 1, 1, 1, 3, 3, 5], [1, 1, 3, 3]),
  }),
  ...goldenCases(golden as GoldenFile),
];
