import { type ConformanceCase, type GoldenFile, goldenCases, opCase, t } from '../../case';
import golden from '../golden/sign.json';

export const signCases: ConformanceCase[] = [
  opCase({
    id: 'sign/hand/values',
    op: 'sign',
    // NaN stays NaN by the op's contract (as numpy and ONNX Runtime); torch 1.13 gives 0 (pytorch#41245).
    description: 'sign is -1 / 0 / 1; sign(0) = 0 and sign(NaN) = NaN',
    // -7 -> -1, -0.001 -> -1, 0 -> 0, 0.001 -> 1, 42 -> 1, -inf -> -1, NaN -> NaN.
    inputs: [t([-7, -0.001, 0, 0.001, 42, -Infinity, NaN], [7])],
    expected: t([-1, -1, 0, 1, 1, -1, NaN], [7]),
  }),
  ...goldenCases(golden as GoldenFile),
];
