import { type ConformanceCase, type GoldenFile, goldenCases, opCase, t } from '../../case';
import golden from '../golden/sub.json';

export const subCases: ConformanceCase[] = [
  opCase({
    id: 'sub/hand/row-vector-broadcast',
    op: 'sub',
    description: '[2, 3] - [3]: the vector is subtracted from every row',
    // [[5, 5, 5], [10, 10, 10]] - [1, 2, 3] = [[4, 3, 2], [9, 8, 7]]
    inputs: [t([5, 5, 5, 10, 10, 10], [2, 3]), t([1, 2, 3], [3])],
    expected: t([4, 3, 2, 9, 8, 7], [2, 3]),
  }),
  opCase({
    id: 'sub/hand/one-element-left',
    op: 'sub',
    description: '[1] - [2]: operand order is kept when the left side broadcasts',
    // 10 - [1, 4] = [9, 6]
    inputs: [t([10], [1]), t([1, 4], [2])],
    expected: t([9, 6], [2]),
  }),
  opCase({
    id: 'sub/hand/column-and-row',
    op: 'sub',
    description: '[2, 1] - [1, 3] -> [2, 3]',
    // [[10], [20]] - [[1, 2, 3]] = [[9, 8, 7], [19, 18, 17]]
    inputs: [t([10, 20], [2, 1]), t([1, 2, 3], [1, 3])],
    expected: t([9, 8, 7, 19, 18, 17], [2, 3]),
  }),
  opCase({
    id: 'sub/hand/int32-scalar-rank0',
    op: 'sub',
    description: 'int32 [3] - int32 rank-0 scalar',
    // [0, 5, -5] - 5 = [-5, 0, -10]
    inputs: [t([0, 5, -5], [3], 'int32'), t([5], [], 'int32')],
    expected: t([-5, 0, -10], [3], 'int32'),
  }),
  ...goldenCases(golden as GoldenFile),
];
