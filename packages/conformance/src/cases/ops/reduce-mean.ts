import { type ConformanceCase, type GoldenFile, goldenCases, opCase, t } from '../../case';
import golden from '../golden/reduceMean.json';

// x = [[1, 2, 3], [4, 5, 6]]; cube = [[[1, 2], [3, 4]], [[5, 6], [7, 8]]].
const x = t([1, 2, 3, 4, 5, 6], [2, 3]);
const cube = t([1, 2, 3, 4, 5, 6, 7, 8], [2, 2, 2]);

export const reduceMeanCases: ConformanceCase[] = [
  opCase({
    id: 'reduceMean/hand/rows',
    op: 'reduceMean',
    description: 'axis -1 of [2, 3]: 6 / 3 = 2, 15 / 3 = 5',
    attrs: { axes: [-1] },
    inputs: [x],
    expected: t([2, 5], [2]),
  }),
  opCase({
    id: 'reduceMean/hand/columns-keepdims',
    op: 'reduceMean',
    description: 'axis 0 of [2, 3], keepDims: [5 / 2, 7 / 2, 9 / 2] = [2.5, 3.5, 4.5] as [1, 3]',
    attrs: { axes: [0], keepDims: true },
    inputs: [x],
    expected: t([2.5, 3.5, 4.5], [1, 3]),
  }),
  opCase({
    id: 'reduceMean/hand/interleaved-axes-keepdims',
    op: 'reduceMean',
    description: 'axes [0, 2] of [2, 2, 2], keepDims: 14 / 4 = 3.5, 22 / 4 = 5.5 as [1, 2, 1]',
    attrs: { axes: [0, 2], keepDims: true },
    inputs: [cube],
    expected: t([3.5, 5.5], [1, 2, 1]),
  }),
  opCase({
    id: 'reduceMean/hand/spatial',
    op: 'reduceMean',
    description: 'axes [1, 2] of [2, 2, 2] (a global average pool): (1 + 2 + 3 + 4) / 4 = 2.5, (5 + 6 + 7 + 8) / 4 = 6.5',
    attrs: { axes: [1, 2] },
    inputs: [cube],
    expected: t([2.5, 6.5], [2]),
  }),
  opCase({
    id: 'reduceMean/hand/all',
    op: 'reduceMean',
    description: 'empty axes: 21 / 6 = 3.5 as rank 0',
    attrs: { axes: [] },
    inputs: [x],
    expected: t([3.5], []),
  }),
  ...goldenCases(golden as GoldenFile),
];
