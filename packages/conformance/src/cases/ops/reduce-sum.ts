import { type ConformanceCase, type GoldenFile, goldenCases, opCase, t } from '../../case';
import golden from '../golden/reduceSum.json';

// x = [[1, 2, 3], [4, 5, 6]]; cube = [[[1, 2], [3, 4]], [[5, 6], [7, 8]]].
const x = t([1, 2, 3, 4, 5, 6], [2, 3]);
const cube = t([1, 2, 3, 4, 5, 6, 7, 8], [2, 2, 2]);

export const reduceSumCases: ConformanceCase[] = [
  opCase({
    id: 'reduceSum/hand/rows',
    op: 'reduceSum',
    description: 'axis 1 of [2, 3]: 1 + 2 + 3 = 6, 4 + 5 + 6 = 15',
    attrs: { axes: [1] },
    inputs: [x],
    expected: t([6, 15], [2]),
  }),
  opCase({
    id: 'reduceSum/hand/columns-keepdims',
    op: 'reduceSum',
    description: 'axis 0 of [2, 3], keepDims: [1 + 4, 2 + 5, 3 + 6] = [5, 7, 9] as [1, 3]',
    attrs: { axes: [0], keepDims: true },
    inputs: [x],
    expected: t([5, 7, 9], [1, 3]),
  }),
  opCase({
    id: 'reduceSum/hand/interleaved-axes',
    op: 'reduceSum',
    description: 'axes [0, 2] of [2, 2, 2]: j = 0: 1 + 2 + 5 + 6 = 14, j = 1: 3 + 4 + 7 + 8 = 22',
    attrs: { axes: [0, 2] },
    inputs: [cube],
    expected: t([14, 22], [2]),
  }),
  opCase({
    id: 'reduceSum/hand/all',
    op: 'reduceSum',
    description: 'empty axes reduce everything: 1 + ... + 6 = 21 as rank 0',
    attrs: { axes: [] },
    inputs: [x],
    expected: t([21], []),
  }),
  opCase({
    id: 'reduceSum/hand/all-keepdims',
    op: 'reduceSum',
    description: 'empty axes with keepDims: 1 + ... + 8 = 36 as [1, 1, 1]',
    attrs: { keepDims: true },
    inputs: [cube],
    expected: t([36], [1, 1, 1]),
  }),
  ...goldenCases(golden as GoldenFile),
];
