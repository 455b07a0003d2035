import { type ConformanceCase, type GoldenFile, goldenCases, opCase, t } from '../../case';
import golden from '../golden/transpose.json';

export const transposeCases: ConformanceCase[] = [
  opCase({
    id: 'transpose/hand/nchw-to-nhwc',
    op: 'transpose',
    description: 'perm [0, 2, 3, 1] on [1, 2, 2, 2]: channel values of each pixel become adjacent',
    attrs: { perm: [0, 2, 3, 1] },
    // channel 0 = [[1, 2], [3, 4]], channel 1 = [[5, 6], [7, 8]];
    // NHWC pixels (h, w): (0,0) -> [1, 5], (0,1) -> [2, 6], (1,0) -> [3, 7], (1,1) -> [4, 8].
    inputs: [t([1, 2, 3, 4, 5, 6, 7, 8], [1, 2, 2, 2])],
    expected: t([1, 5, 2, 6, 3, 7, 4, 8], [1, 2, 2, 2]),
  }),
  opCase({
    id: 'transpose/hand/matrix',
    op: 'transpose',
    description: 'perm [1, 0] on [2, 3]',
    // [[1, 2, 3], [4, 5, 6]]^T = [[1, 4], [2, 5], [3, 6]]
    attrs: { perm: [1, 0] },
    inputs: [t([1, 2, 3, 4, 5, 6], [2, 3])],
    expected: t([1, 4, 2, 5, 3, 6], [3, 2]),
  }),
  opCase({
    id: 'transpose/hand/rotate-axes-int32',
    op: 'transpose',
    description: 'perm [2, 0, 1] on int32 [2, 1, 3]: y[k, i, j] = x[i, j, k]',
    attrs: { perm: [2, 0, 1] },
    // x[i, 0, k] = 10 * i + k; y has shape [3, 2, 1] and y[k, i, 0] = 10 * i + k.
    inputs: [t([0, 1, 2, 10, 11, 12], [2, 1, 3], 'int32')],
    expected: t([0, 10, 1, 11, 2, 12], [3, 2, 1], 'int32'),
  }),
  ...goldenCases(golden as GoldenFile),
];
