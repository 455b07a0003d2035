import { type ConformanceCase, type GoldenFile, goldenCases, opCase, t } from '../../case';
import golden from '../golden/argMax.json';

// x = [[1, 3, 3], [2, 2, 1]]: both rows have a tie for the maximum.
const x = t([1, 3, 3, 2, 2, 1], [2, 3]);

export const argMaxCases: ConformanceCase[] = [
  opCase({
    id: 'argMax/hand/ties-first-index',
    op: 'argMax',
    description: 'default axis -1 of [2, 3] with ties: [1, 3, 3] -> 1, [2, 2, 1] -> 0 (the first maximum)',
    inputs: [x],
    expected: t([1, 0], [2], 'int32'),
  }),
  opCase({
    id: 'argMax/hand/axis0-keepdims',
    op: 'argMax',
    description: 'axis 0 of [2, 3], keepDims: columns (1, 2) -> 1, (3, 2) -> 0, (3, 1) -> 0 as [1, 3]',
    attrs: { axis: 0, keepDims: true },
    inputs: [x],
    expected: t([1, 0, 0], [1, 3], 'int32'),
  }),
  opCase({
    id: 'argMax/hand/middle-axis',
    op: 'argMax',
    description: 'axis 1 of [2, 2, 2] = [[[1, 8], [3, 2]], [[5, 4], [7, 6]]]: (1, 3) -> 1, (8, 2) -> 0, (5, 7) -> 1, (4, 6) -> 1',
    attrs: { axis: 1 },
    inputs: [t([1, 8, 3, 2, 5, 4, 7, 6], [2, 2, 2])],
    expected: t([1, 0, 1, 1], [2, 2], 'int32'),
  }),
  opCase({
    id: 'argMax/hand/nan-is-max',
    op: 'argMax',
    description: 'NaN counts as the maximum like torch.argmax, the first NaN wins: [1, NaN, 9, NaN] -> 1; [-inf, -inf] -> 0',
    attrs: { axis: 1 },
    inputs: [t([1, NaN, 9, NaN, -Infinity, -Infinity, -Infinity, -Infinity], [2, 4])],
    expected: t([1, 0], [2], 'int32'),
  }),
  ...goldenCases(golden as GoldenFile),
];
