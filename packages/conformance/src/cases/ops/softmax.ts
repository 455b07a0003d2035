import { type ConformanceCase, type GoldenFile, goldenCases, opCase, t } from '../../case';
import golden from '../golden/softmax.json';

const LN3 = Math.log(3);

export const softmaxCases: ConformanceCase[] = [
  opCase({
    id: 'softmax/hand/axis-last',
    op: 'softmax',
    description: 'rows of [[0, ln 3], [ln 3, ln 3]] along axis -1',
    // row 0: e^0 = 1, e^ln3 = 3, sum 4 -> [0.25, 0.75]; row 1: equal -> [0.5, 0.5]
    attrs: { axis: -1 },
    inputs: [t([0, LN3, LN3, LN3], [2, 2])],
    expected: t([0.25, 0.75, 0.5, 0.5], [2, 2]),
  }),
  opCase({
    id: 'softmax/hand/axis-0',
    op: 'softmax',
    description: 'the same [[0, ln 3], [ln 3, ln 3]] along axis 0 (columns)',
    // column 0: [0, ln3] -> [0.25, 0.75]; column 1: [ln3, ln3] -> [0.5, 0.5]
    attrs: { axis: 0 },
    inputs: [t([0, LN3, LN3, LN3], [2, 2])],
    expected: t([0.25, 0.5, 0.75, 0.5], [2, 2]),
  }),
  opCase({
    id: 'softmax/hand/large-magnitude',
    op: 'softmax',
    description: '±1e4: no overflow; subtracting the max gives exp(0) and exp(-2e4) = 0',
    // [-1e4, 1e4] -> [e^-2e4, 1] / (1 + e^-2e4) = [0, 1]; [1e4, 1e4] -> [0.5, 0.5]
    inputs: [t([-1e4, 1e4, 1e4, 1e4], [2, 2])],
    expected: t([0, 1, 0.5, 0.5], [2, 2]),
  }),
  opCase({
    id: 'softmax/hand/neg-inf',
    op: 'softmax',
    description: 'a -inf entry gets 0; a row of only -inf is NaN, as in PyTorch',
    // [0, -inf, 0] -> [1, 0, 1] / 2 = [0.5, 0, 0.5]; [-inf, -inf, -inf]: -inf - max(-inf) = NaN
    inputs: [t([0, -Infinity, 0, -Infinity, -Infinity, -Infinity], [2, 3])],
    expected: t([0.5, 0, 0.5, NaN, NaN, NaN], [2, 3]),
  }),
  ...goldenCases(golden as GoldenFile),
];
