import { type ConformanceCase, type GoldenFile, goldenCases, opCase, t } from '../../case';
import golden from '../golden/mul.json';

export const mulCases: ConformanceCase[] = [
  opCase({
    id: 'mul/hand/column-times-row',
    op: 'mul',
    description: '[2, 1] * [1, 3]: an outer product by broadcasting',
    // [[1], [2]] * [[3, 4, 5]] = [[3, 4, 5], [6, 8, 10]]
    inputs: [t([1, 2], [2, 1]), t([3, 4, 5], [1, 3])],
    expected: t([3, 4, 5, 6, 8, 10], [2, 3]),
  }),
  opCase({
    id: 'mul/hand/row-vector-broadcast',
    op: 'mul',
    description: '[2, 3] * [3] scales each column',
    // [[1, 2, 3], [4, 5, 6]] * [2, 0, -1] = [[2, 0, -3], [8, 0, -6]]
    inputs: [t([1, 2, 3, 4, 5, 6], [2, 3]), t([2, 0, -1], [3])],
    expected: t([2, 0, -3, 8, 0, -6], [2, 3]),
  }),
  opCase({
    id: 'mul/hand/scalar-rank0',
    op: 'mul',
    description: '[2, 2] * a rank-0 scalar []',
    // [1, -2, 0.5, 4] * -2 = [-2, 4, -1, -8]
    inputs: [t([1, -2, 0.5, 4], [2, 2]), t([-2], [])],
    expected: t([-2, 4, -1, -8], [2, 2]),
  }),
  opCase({
    id: 'mul/hand/int32',
    op: 'mul',
    description: 'int32 [2, 2] * int32 [2]',
    // [[3, -4], [5, 6]] * [7, -2] = [[21, 8], [35, -12]]
    inputs: [t([3, -4, 5, 6], [2, 2], 'int32'), t([7, -2], [2], 'int32')],
    expected: t([21, 8, 35, -12], [2, 2], 'int32'),
  }),
  ...goldenCases(golden as GoldenFile),
];
