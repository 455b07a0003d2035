import { type ConformanceCase, type GoldenFile, goldenCases, opCase, t } from '../../case';
import golden from '../golden/tanh.json';

export const tanhCases: ConformanceCase[] = [
  opCase({
    id: 'tanh/hand/values',
    op: 'tanh',
    description: 'tanh at 0, ±ln 2 and ±1e4 (saturated)',
    // tanh(ln 2) = (2 - 1/2) / (2 + 1/2) = 1.5 / 2.5 = 0.6; odd, so tanh(-ln 2) = -0.6; ±1e4 -> ±1
    inputs: [t([0, Math.LN2, -Math.LN2, 1e4, -1e4], [5])],
    expected: t([0, 0.6, -0.6, 1, -1], [5]),
  }),
  ...goldenCases(golden as GoldenFile),
];
