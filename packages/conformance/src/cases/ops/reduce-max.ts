import { type ConformanceCase, type GoldenFile, goldenCases, opCase, t } from '../../case';
import golden from '../golden/reduceMax.json';

// x = [[1, 5, 3], [4, 2, 6]]; cube = [[[1, 8], [3, 2]], [[5, 4], [7, 6]]].
const x = t([1, 5, 3, 4, 2, 6], [2, 3]);
const cube = t([1, 8, 3, 2, 5, 4, 7, 6], [2, 2, 2]);

export const reduceMaxCases: ConformanceCase[] = [
  opCase({
    id: 'reduceMax/hand/rows',
    op: 'reduceMax',
    description: 'axis 1 of [2, 3]: max(1, 5, 3) = 5, max(4, 2, 6) = 6',
    attrs: { axes: [1] },
    inputs: [x],
    expected: t([5, 6], [2]),
  }),
  opCase({
    id: 'reduceMax/hand/columns-keepdims',
    op: 'reduceMax',
    description: 'axis 0 of [2, 3], keepDims: [max(1, 4), max(5, 2), max(3, 6)] = [4, 5, 6] as [1, 3]',
    attrs: { axes: [0], keepDims: true },
    inputs: [x],
    expected: t([4, 5, 6], [1, 3]),
  }),
  opCase({
    id: 'reduceMax/hand/interleaved-axes',
    op: 'reduceMax',
    description: 'axes [0, 2] of [2, 2, 2]: j = 0: max(1, 8, 5, 4) = 8, j = 1: max(3, 2, 7, 6) = 7',
    attrs: { axes: [0, 2] },
    inputs: [cube],
    expected: t([8, 7], [2]),
  }),
  opCase({
    id: 'reduceMax/hand/all-keepdims',
    op: 'reduceMax',
    description: 'empty axes with keepDims: max of 1..8 = 8 as [1, 1, 1]',
    attrs: { axes: [], keepDims: true },
    inputs: [cube],
    expected: t([8], [1, 1, 1]),
  }),
  opCase({
    id: 'reduceMax/hand/nan-propagates',
    op: 'reduceMax',
    description: 'axis 1 of [3, 2]: a NaN anywhere in the row gives NaN (torch.amax); -inf stays -inf',
    attrs: { axes: [1] },
    // [NaN, 1] -> NaN, [2, NaN] -> NaN, [-inf, -inf] -> -inf
    inputs: [t([NaN, 1, 2, NaN, -Infinity, -Infinity], [3, 2])],
    expected: t([NaN, NaN, -Infinity], [3]),
  }),
  ...goldenCases(golden as GoldenFile),
];
