import { type ConformanceCase, type GoldenFile, goldenCases, opCase, t } from '../../case';
import golden from '../golden/abs.json';

export const absCases: ConformanceCase[] = [
  opCase({
    id: 'abs/hand/values',
    op: 'abs',
    description: '|x| on negatives, zero, -inf and NaN',
    // |-3| = 3, |2.5| = 2.5, |0| = 0, |-inf| = inf, |NaN| = NaN.
    inputs: [t([-3, 2.5, 0, -Infinity, NaN], [5])],
    expected: t([3, 2.5, 0, Infinity, NaN], [5]),
  }),
  ...goldenCases(golden as GoldenFile),
];
