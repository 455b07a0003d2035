import { type ConformanceCase, type GoldenFile, goldenCases, opCase, t } from '../../case';
import golden from '../golden/linear.json';

// x [[1, 2, 3], [0, -1, 1]] @ W^T with W [[1, 0, 1], [2, 1, 0]]:
// row 0: [1+0+3, 2+2+0] = [4, 4]; row 1: [0+0+1, 0-1+0] = [1, -1]
const X = t([1, 2, 3, 0, -1, 1], [2, 3]);
const W = t([1, 0, 1, 2, 1, 0], [2, 3]);

export const linearCases: ConformanceCase[] = [
  opCase({
    id: 'linear/hand/with-bias',
    op: 'linear',
    description: 'x [2, 3], weight [2, 3] (out, in), bias [2]',
    // [[4, 4], [1, -1]] + [0.5, -1] = [[4.5, 3], [1.5, -2]]
    inputs: [X, W, t([0.5, -1], [2])],
    expected: t([4.5, 3, 1.5, -2], [2, 2]),
  }),
  opCase({
    id: 'linear/hand/no-bias',
    op: 'linear',
    description: 'x [2, 3], weight [2, 3], bias omitted',
    inputs: [X, W],
    expected: t([4, 4, 1, -1], [2, 2]),
  }),
  opCase({
    id: 'linear/hand/leading-axes',
    op: 'linear',
    description: 'x [2, 1, 2] keeps its leading axes: y [2, 1, 3]',
    // W [[1, 0], [0, 1], [1, 1]]: [1, 2] -> [1, 2, 3]; [3, 4] -> [3, 4, 7]
    inputs: [t([1, 2, 3, 4], [2, 1, 2]), t([1, 0, 0, 1, 1, 1], [3, 2])],
    expected: t([1, 2, 3, 3, 4, 7], [2, 1, 3]),
  }),
  ...goldenCases(golden as GoldenFile),
];
