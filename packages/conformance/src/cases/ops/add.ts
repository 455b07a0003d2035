import { type ConformanceCase, type GoldenFile, goldenCases, opCase, t } from '../../case';
import golden from '../golden/add.json';

export const addCases: ConformanceCase[] = [
  opCase({
    id: 'add/hand/row-vector-broadcast',
    op: 'add',
    description: '[2, 3] + [3]: the vector is added to every row',
    // [[1, 2, 3], [4, 5, 6]] + [10, 20, 30] = [[11, 22, 33], [14, 25, 36]]
    inputs: [t([1, 2, 3, 4, 5, 6], [2, 3]), t([10, 20, 30], [3])],
    expected: t([11, 22, 33, 14, 25, 36], [2, 3]),
  }),
  opCase({
    id: 'add/hand/column-and-row',
    op: 'add',
    description: '[2, 1] + [1, 3] broadcasts both operands to [2, 3]',
    // [[1], [2]] + [[10, 20, 30]] = [[11, 21, 31], [12, 22, 32]]
    inputs: [t([1, 2], [2, 1]), t([10, 20, 30], [1, 3])],
    expected: t([11, 21, 31, 12, 22, 32], [2, 3]),
  }),
  opCase({
    id: 'add/hand/scalar-rank0',
    op: 'add',
    description: '[2, 2] + a rank-0 scalar []',
    // [1, 2, 3, 4] + 0.5 = [1.5, 2.5, 3.5, 4.5]
    inputs: [t([1, 2, 3, 4], [2, 2]), t([0.5], [])],
    expected: t([1.5, 2.5, 3.5, 4.5], [2, 2]),
  }),
  opCase({
    id: 'add/hand/one-element-left',
    op: 'add',
    description: '[1] + [2, 2]: the one-element left operand broadcasts',
    // 10 + [[1, -2], [3, -4]] = [[11, 8], [13, 6]]
    inputs: [t([10], [1]), t([1, -2, 3, -4], [2, 2])],
    expected: t([11, 8, 13, 6], [2, 2]),
  }),
  opCase({
    id: 'add/hand/int32',
    op: 'add',
    description: 'int32 [2, 2] + int32 [2, 1] stays int32',
    // [[1, -2], [3, 4]] + [[10], [-20]] = [[11, 8], [-17, -16]]
    inputs: [t([1, -2, 3, 4], [2, 2], 'int32'), t([10, -20], [2, 1], 'int32')],
    expected: t([11, 8, -17, -16], [2, 2], 'int32'),
  }),
  ...goldenCases(golden as GoldenFile),
];
