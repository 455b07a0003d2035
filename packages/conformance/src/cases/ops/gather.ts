import { type ConformanceCase, type GoldenFile, goldenCases, opCase, t } from '../../case';
import golden from '../golden/gather.json';

// An embedding table of 4 rows: row r = [r, r + 0.5].
const table = t([0, 0.5, 1, 1.5, 2, 2.5, 3, 3.5], [4, 2]);

export const gatherCases: ConformanceCase[] = [
  opCase({
    id: 'gather/hand/embedding-lookup',
    op: 'gather',
    description: 'axis 0 of a [4, 2] table with [2, 2] ids, repeated and negative (-1 is row 3) -> [2, 2, 2]',
    attrs: { axis: 0 },
    // ids [[1, 3], [-1, 1]] pick rows 1, 3, 3, 1 = [1, 1.5], [3, 3.5], [3, 3.5], [1, 1.5]
    inputs: [table, t([1, 3, -1, 1], [2, 2], 'int32')],
    expected: t([1, 1.5, 3, 3.5, 3, 3.5, 1, 1.5], [2, 2, 2]),
  }),
  opCase({
    id: 'gather/hand/axis1-columns',
    op: 'gather',
    description: 'axis 1 of [2, 3] with indices [2, -3, 2] picks columns 2, 0, 2',
    attrs: { axis: 1 },
    // [[1, 2, 3], [4, 5, 6]] -> [[3, 1, 3], [6, 4, 6]]
    inputs: [t([1, 2, 3, 4, 5, 6], [2, 3]), t([2, -3, 2], [3], 'int32')],
    expected: t([3, 1, 3, 6, 4, 6], [2, 3]),
  }),
  opCase({
    id: 'gather/hand/int32-data',
    op: 'gather',
    description: 'int32 data [3] with indices [0, -1, 0] (-1 is 2) -> [10, 30, 10]',
    attrs: { axis: 0 },
    inputs: [t([10, 20, 30], [3], 'int32'), t([0, -1, 0], [3], 'int32')],
    expected: t([10, 30, 10], [3], 'int32'),
  }),
  ...goldenCases(golden as GoldenFile),
];
