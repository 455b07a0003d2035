import { type ConformanceCase, type GoldenFile, goldenCases, opCase, t } from '../../case';
import golden from '../golden/reshape.json';

export const reshapeCases: ConformanceCase[] = [
  opCase({
    id: 'reshape/hand/minus-one',
    op: 'reshape',
    description: '[2, 3] -> [3, -1]: -1 becomes 6 / 3 = 2; row-major order is kept',
    attrs: { shape: [3, -1] },
    inputs: [t([1, 2, 3, 4, 5, 6], [2, 3])],
    expected: t([1, 2, 3, 4, 5, 6], [3, 2]),
  }),
  opCase({
    id: 'reshape/hand/zero-copies-dim',
    op: 'reshape',
    description: '[2, 3, 2] -> [0, -1]: 0 copies dimension 0 (2), -1 becomes 12 / 2 = 6',
    attrs: { shape: [0, -1] },
    inputs: [t([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11], [2, 3, 2])],
    expected: t([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11], [2, 6]),
  }),
  opCase({
    id: 'reshape/hand/int32',
    op: 'reshape',
    description: 'int32 [4] -> [2, 1, 2] stays int32',
    attrs: { shape: [2, 1, 2] },
    inputs: [t([7, -8, 9, -10], [4], 'int32')],
    expected: t([7, -8, 9, -10], [2, 1, 2], 'int32'),
  }),
  ...goldenCases(golden as GoldenFile),
];
