import { type ConformanceCase, type GoldenFile, goldenCases, opCase, t } from '../../case';
import golden from '../golden/neg.json';

export const negCases: ConformanceCase[] = [
  opCase({
    id: 'neg/hand/values',
    op: 'neg',
    description: '-x on a [2, 3] tensor with infinities and NaN',
    // Each value flips sign: 1.5 -> -1.5, -2 -> 2, 0 -> -0 (compares equal to 0), ±inf -> ∓inf, NaN stays NaN.
    inputs: [t([1.5, -2, 0, Infinity, -Infinity, NaN], [2, 3])],
    expected: t([-1.5, 2, 0, -Infinity, Infinity, NaN], [2, 3]),
  }),
  ...goldenCases(golden as GoldenFile),
];
