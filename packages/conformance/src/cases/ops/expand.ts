import { type ConformanceCase, type GoldenFile, goldenCases, opCase, t } from '../../case';
import golden from '../golden/expand.json';

const op = 'expand';

export const expandCases: ConformanceCase[] = [
  opCase({
    id: 'expand/hand/column',
    op,
    description: 'a [2, 1] column broadcast to [2, 3]',
    attrs: { shape: [2, 3] },
    inputs: [t([1, 2], [2, 1])],
    // Each row repeats its single value: [1 1 1; 2 2 2].
    expected: t([1, 1, 1, 2, 2, 2], [2, 3]),
  }),
  opCase({
    id: 'expand/hand/ones-keep-x',
    op,
    description: "shape [3, 1] on a [2] row: the 1 keeps x's 2, so the result is [3, 2]",
    attrs: { shape: [3, 1] },
    inputs: [t([5, 6], [2])],
    // broadcast([2], [3, 1]) = [3, 2]: three copies of the row [5 6].
    expected: t([5, 6, 5, 6, 5, 6], [3, 2]),
  }),
  opCase({
    id: 'expand/hand/int32-scalar',
    op,
    description: 'an int32 scalar broadcast to [2, 2]',
    attrs: { shape: [2, 2] },
    inputs: [t([-4], [], 'int32')],
    // Every element is the scalar.
    expected: t([-4, -4, -4, -4], [2, 2], 'int32'),
  }),
  ...goldenCases(golden as GoldenFile),
];
