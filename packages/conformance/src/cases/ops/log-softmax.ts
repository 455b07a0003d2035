import { type ConformanceCase, type GoldenFile, goldenCases, opCase, t } from '../../case';
import golden from '../golden/logSoftmax.json';

const LN2 = Math.LN2;
const LN3 = Math.log(3);

export const logSoftmaxCases: ConformanceCase[] = [
  opCase({
    id: 'logSoftmax/hand/axis-last',
    op: 'logSoftmax',
    description: 'row [0, ln 3] along axis -1',
    // softmax = [1/4, 3/4] -> [-ln 4, ln 3 - ln 4] = [-1.3862944, -0.2876821]
    attrs: { axis: -1 },
    inputs: [t([0, LN3], [1, 2])],
    expected: t([-Math.log(4), LN3 - Math.log(4)], [1, 2]),
  }),
  opCase({
    id: 'logSoftmax/hand/axis-0',
    op: 'logSoftmax',
    description: '[[0, 1], [0, 1]] along axis 0: each column holds equal values',
    // every column is [a, a] -> log(1/2) = -ln 2 everywhere (along axis -1 it would differ)
    attrs: { axis: 0 },
    inputs: [t([0, 1, 0, 1], [2, 2])],
    expected: t([-LN2, -LN2, -LN2, -LN2], [2, 2]),
  }),
  opCase({
    id: 'logSoftmax/hand/large-magnitude',
    op: 'logSoftmax',
    description: '[-1e4, 1e4]: x - max - log(1 + e^-2e4) = [-2e4, 0], finite',
    inputs: [t([-1e4, 1e4], [2])],
    expected: t([-2e4, 0], [2]),
  }),
  opCase({
    id: 'logSoftmax/hand/neg-inf',
    op: 'logSoftmax',
    description: 'a -inf entry stays -inf, the others renormalise',
    // [0, -inf, 0] -> softmax [1/2, 0, 1/2] -> [-ln 2, -inf, -ln 2]
    inputs: [t([0, -Infinity, 0], [1, 3])],
    expected: t([-LN2, -Infinity, -LN2], [1, 3]),
  }),
  opCase({
    id: 'logSoftmax/hand/all-neg-inf',
    op: 'logSoftmax',
    description: 'a row of only -inf is NaN, as in PyTorch',
    // max = -inf, so x - max = -inf - (-inf) = NaN
    inputs: [t([-Infinity, -Infinity], [1, 2])],
    expected: t([NaN, NaN], [1, 2]),
  }),
  ...goldenCases(golden as GoldenFile),
];
