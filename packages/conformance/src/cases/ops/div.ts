import { type ConformanceCase, type GoldenFile, goldenCases, opCase, t } from '../../case';
import golden from '../golden/div.json';

export const divCases: ConformanceCase[] = [
  opCase({
    id: 'div/hand/row-vector-broadcast',
    op: 'div',
    description: '[2, 3] / [3] divides each column',
    // [[2, 4, 6], [1, 2, 3]] / [2, 4, 8] = [[1, 1, 0.75], [0.5, 0.5, 0.375]]
    inputs: [t([2, 4, 6, 1, 2, 3], [2, 3]), t([2, 4, 8], [3])],
    expected: t([1, 1, 0.75, 0.5, 0.5, 0.375], [2, 3]),
  }),
  opCase({
    id: 'div/hand/one-element-divisor',
    op: 'div',
    description: 'float32 [3] / [1] zero: IEEE gives inf, -inf and NaN (as PyTorch)',
    // 1/0 = inf, -1/0 = -inf, 0/0 = NaN
    inputs: [t([1, -1, 0], [3]), t([0], [1])],
    expected: t([Infinity, -Infinity, NaN], [3]),
  }),
  opCase({
    id: 'div/hand/int32-trunc',
    op: 'div',
    description: 'int32 division truncates toward zero (torch.div rounding_mode="trunc")',
    // 7/2 = 3.5 -> 3; -7/2 -> -3; 7/-2 -> -3; -7/-2 -> 3; 5/10 = 0.5 -> 0
    inputs: [t([7, -7, 7, -7, 5], [5], 'int32'), t([2, 2, -2, -2, 10], [5], 'int32')],
    expected: t([3, -3, -3, 3, 0], [5], 'int32'),
  }),
  opCase({
    id: 'div/hand/int32-column-broadcast',
    op: 'div',
    description: 'int32 [2, 2] / [2, 1]: each row by its own divisor',
    // [9, -9] / 2 = [4.5, -4.5] -> [4, -4]; [4, -4] / 3 = [1.33, -1.33] -> [1, -1]
    inputs: [t([9, -9, 4, -4], [2, 2], 'int32'), t([2, 3], [2, 1], 'int32')],
    expected: t([4, -4, 1, -1], [2, 2], 'int32'),
  }),
  ...goldenCases(golden as GoldenFile),
];
