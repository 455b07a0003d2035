import { type ConformanceCase, type GoldenFile, goldenCases, opCase, t } from '../../case';
import golden from '../golden/matmul.json';

export const matmulCases: ConformanceCase[] = [
  opCase({
    id: 'matmul/hand/square',
    op: 'matmul',
    description: '[2, 2] @ [2, 2]',
    // [[1*5+2*7, 1*6+2*8], [3*5+4*7, 3*6+4*8]] = [[19, 22], [43, 50]]
    inputs: [t([1, 2, 3, 4], [2, 2]), t([5, 6, 7, 8], [2, 2])],
    expected: t([19, 22, 43, 50], [2, 2]),
  }),
  opCase({
    id: 'matmul/hand/rectangular',
    op: 'matmul',
    description: '[2, 3] @ [3, 1]',
    // [1, 2, 3]·[1, 0, -1] = 1 - 3 = -2; [4, 5, 6]·[1, 0, -1] = 4 - 6 = -2
    inputs: [t([1, 2, 3, 4, 5, 6], [2, 3]), t([1, 0, -1], [3, 1])],
    expected: t([-2, -2], [2, 1]),
  }),
  opCase({
    id: 'matmul/hand/batch-times-matrix',
    op: 'matmul',
    description: '[2, 1, 2] @ [2, 1]: the matrix is shared by both batch items',
    // [1, 2]·[1, 10] = 21; [3, 4]·[1, 10] = 43
    inputs: [t([1, 2, 3, 4], [2, 1, 2]), t([1, 10], [2, 1])],
    expected: t([21, 43], [2, 1, 1]),
  }),
  opCase({
    id: 'matmul/hand/batch-broadcast-both',
    op: 'matmul',
    description: '[2, 1, 1, 2] @ [3, 2, 1] -> [2, 3, 1, 1]: batch axes [2, 1] and [3] broadcast',
    // a0 = [1, 2], a1 = [-1, 0]; b0 = [1, 1], b1 = [2, 0], b2 = [0, 3] (columns)
    // a0: [1+2, 2+0, 0+6] = [3, 2, 6]; a1: [-1+0, -2+0, 0+0] = [-1, -2, 0]
    inputs: [t([1, 2, -1, 0], [2, 1, 1, 2]), t([1, 1, 2, 0, 0, 3], [3, 2, 1])],
    expected: t([3, 2, 6, -1, -2, 0], [2, 3, 1, 1]),
  }),
  ...goldenCases(golden as GoldenFile),
];
