import { type ConformanceCase, type GoldenFile, goldenCases, opCase, t } from '../../case';
import golden from '../golden/log.json';

export const logCases: ConformanceCase[] = [
  opCase({
    id: 'log/hand/values',
    op: 'log',
    description: 'natural log at 1, e, 1/e², 0 (-inf) and -1 (NaN)',
    // ln 1 = 0, ln e = 1, ln e^-2 = -2, ln 0 = -inf, ln(-1) = NaN, ln inf = inf.
    inputs: [t([1, Math.E, Math.exp(-2), 0, -1, Infinity], [2, 3])],
    expected: t([0, 1, -2, -Infinity, NaN, Infinity], [2, 3]),
  }),
  ...goldenCases(golden as GoldenFile),
];
