import { type ConformanceCase, type GoldenFile, goldenCases, opCase, t } from '../../case';
import golden from '../golden/sigmoid.json';

export const sigmoidCases: ConformanceCase[] = [
  opCase({
    id: 'sigmoid/hand/values',
    op: 'sigmoid',
    description: 'sigmoid at 0, ±ln 3 and ±1e4 (saturated, no overflow to NaN)',
    // 1/(1+e^0) = 0.5; 1/(1+e^-ln3) = 1/(1+1/3) = 0.75; 1/(1+e^ln3) = 1/4 = 0.25; ±1e4 -> 1 and 0
    inputs: [t([0, Math.log(3), -Math.log(3), 1e4, -1e4], [5])],
    expected: t([0.5, 0.75, 0.25, 1, 0], [5]),
  }),
  ...goldenCases(golden as GoldenFile),
];
