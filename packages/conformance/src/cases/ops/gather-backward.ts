import { type ConformanceCase, type GoldenFile, goldenCases, opCase, t } from '../../case';
import golden from '../golden/gatherBackward.json';

const op = 'gatherBackward';

export const gatherBackwardCases: ConformanceCase[] = [
  opCase({
    id: 'gatherBackward/hand/embedding-repeats',
    op,
    description: 'embedding gradient: table [3, 2], tokens [0 2 -1 0] (row 0 twice, row 2 twice)',
    attrs: { axis: 0, dataShape: [3, 2] },
    inputs: [t([1, 2, 3, 4, 5, 6, 7, 8], [4, 2]), t([0, 2, -1, 0], [4], 'int32')],
    // Tokens pick rows 0, 2, 2 (-1 + 3), 0. Row 0 = [1 2] + [7 8] = [8 10]; row 1 untouched;
    // row 2 = [3 4] + [5 6] = [8 10].
    expected: t([8, 10, 0, 0, 8, 10], [3, 2]),
  }),
  opCase({
    id: 'gatherBackward/hand/axis1',
    op,
    description: 'axis 1 of [2, 3] with indices [2, 2]: both columns of dy add into column 2',
    attrs: { axis: 1, dataShape: [2, 3] },
    inputs: [t([1, 10, 2, 20], [2, 2]), t([2, 2], [2], 'int32')],
    // Row 0: dy [1 10] both go to column 2 -> 11; row 1: [2 20] -> 22.
    expected: t([0, 0, 11, 0, 0, 22], [2, 3]),
  }),
  ...goldenCases(golden as GoldenFile),
];
