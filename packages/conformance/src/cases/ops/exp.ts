import { type ConformanceCase, type GoldenFile, goldenCases, opCase, t } from '../../case';
import golden from '../golden/exp.json';

export const expCases: ConformanceCase[] = [
  opCase({
    id: 'exp/hand/values',
    op: 'exp',
    description: 'e^x at 0, ln 2, ln 10, -inf and past the float32 range',
    // e^0 = 1, e^(ln 2) = 2, e^(ln 10) = 10, e^-inf = 0, e^100 ≈ 2.7e43 > float32 max 3.4e38 -> inf.
    inputs: [t([0, Math.LN2, Math.LN10, -Infinity, 100], [5])],
    expected: t([1, 2, 10, 0, Infinity], [5]),
  }),
  ...goldenCases(golden as GoldenFile),
];
