import { type ConformanceCase, type GoldenFile, goldenCases, opCase, t } from '../../case';
import golden from '../golden/sqrt.json';

export const sqrtCases: ConformanceCase[] = [
  opCase({
    id: 'sqrt/hand/values',
    op: 'sqrt',
    description: 'square roots of perfect squares, 0, a negative (NaN) and inf',
    // √0 = 0, √1 = 1, √2.25 = 1.5, √1e6 = 1000, √-9 = NaN, √inf = inf.
    inputs: [t([0, 1, 2.25, 1e6, -9, Infinity], [6])],
    expected: t([0, 1, 1.5, 1000, NaN, Infinity], [6]),
  }),
  ...goldenCases(golden as GoldenFile),
];
