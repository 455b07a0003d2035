import { type ConformanceCase, type GoldenFile, goldenCases, opCase, t } from '../../case';
import golden from '../golden/slice.json';

const op = 'slice';
/** x = [[0 1 2 3]; [4 5 6 7]; [8 9 10 11]] as [3, 4]. */
const x3x4 = t([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11], [3, 4]);

export const sliceCases: ConformanceCase[] = [
  opCase({
    id: 'slice/hand/rows-and-cols',
    op,
    description: 'x[1:3, 1:3] of a [3, 4] matrix',
    attrs: { starts: [1, 1], ends: [3, 3] },
    inputs: [x3x4],
    // Rows 1..2, cols 1..2: [5 6; 9 10].
    expected: t([5, 6, 9, 10], [2, 2]),
  }),
  opCase({
    id: 'slice/hand/negative-and-clamped',
    op,
    description: 'axis -1 with start -2 and end 1000 (clamps to 4): the last two columns',
    attrs: { starts: [-2], ends: [1000], axes: [-1] },
    inputs: [x3x4],
    // -2 + 4 = 2, end min(1000, 4) = 4: cols 2..3 of each row -> [2 3; 6 7; 10 11].
    expected: t([2, 3, 6, 7, 10, 11], [3, 2]),
  }),
  opCase({
    id: 'slice/hand/empty',
    op,
    description: 'start 2 after end 1 on axis 0 gives zero rows',
    attrs: { starts: [2], ends: [1], axes: [0] },
    inputs: [x3x4],
    // [max(2, 1) = 2 ... 2): empty, shape [0, 4].
    expected: t([], [0, 4]),
  }),
  opCase({
    id: 'slice/hand/int32',
    op,
    description: 'int32 data keeps its dtype: x[:, 0:1]',
    attrs: { starts: [0], ends: [1], axes: [1] },
    inputs: [t([7, -8, 9, -10], [2, 2], 'int32')],
    // First column of [7 -8; 9 -10] = [7; 9].
    expected: t([7, 9], [2, 1], 'int32'),
  }),
  ...goldenCases(golden as GoldenFile),
];
