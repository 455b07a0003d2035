import { type ConformanceCase, type GoldenFile, goldenCases, opCase, t } from '../../case';
import golden from '../golden/maxPool1dBackward.json';

const op = 'maxPool1dBackward';

export const maxPool1dBackwardCases: ConformanceCase[] = [
  opCase({
    id: 'maxPool1dBackward/hand/first-maximum',
    op,
    description: 'a tie: window 4 over [1 3 3 2] sends dy to the first 3',
    attrs: { kernelSize: [4] },
    inputs: [t([1, 3, 3, 2], [1, 1, 4]), t([10], [1, 1, 1])],
    // Maximum 3 at positions 1 and 2; PyTorch keeps the first.
    expected: t([0, 10, 0, 0], [1, 1, 4]),
  }),
  opCase({
    id: 'maxPool1dBackward/hand/overlap',
    op,
    description: 'window 2, stride 1 over [1 5 2 4]: two windows pick the 5 and add up',
    attrs: { kernelSize: [2], strides: [1] },
    inputs: [t([1, 5, 2, 4], [1, 1, 4]), t([1, 2, 3], [1, 1, 3])],
    // Windows {1,5} -> index 1, {5,2} -> index 1, {2,4} -> index 3: dx = [0, 1 + 2, 0, 3].
    expected: t([0, 3, 0, 3], [1, 1, 4]),
  }),
  opCase({
    id: 'maxPool1dBackward/hand/nan',
    op,
    description: 'window 4 over [NaN 1 NaN 2]: a NaN always takes over, so the last NaN gets dy',
    attrs: { kernelSize: [4] },
    inputs: [t([NaN, 1, NaN, 2], [1, 1, 4]), t([7], [1, 1, 1])],
    // Scanning left to right, each NaN replaces the running pick; the last NaN is at index 2.
    expected: t([0, 0, 7, 0], [1, 1, 4]),
  }),
  ...goldenCases(golden as GoldenFile),
];
