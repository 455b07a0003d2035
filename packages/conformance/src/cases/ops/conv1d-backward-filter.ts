import { type ConformanceCase, type GoldenFile, goldenCases, opCase, t } from '../../case';
import golden from '../golden/conv1dBackwardFilter.json';

const op = 'conv1dBackwardFilter';

export const conv1dBackwardFilterCases: ConformanceCase[] = [
  opCase({
    id: 'conv1dBackwardFilter/hand/k2-valid',
    op,
    description: 'x [1 2 3], dy [1 100], kernelSize 2',
    attrs: { kernelSize: [2] },
    inputs: [t([1, 2, 3], [1, 1, 3]), t([1, 100], [1, 1, 2])],
    // dw_t = Σ_o dy_o·x_{o+t}: dw0 = 1·1 + 100·2 = 201, dw1 = 1·2 + 100·3 = 302.
    expected: t([201, 302], [1, 1, 2]),
  }),
  opCase({
    id: 'conv1dBackwardFilter/hand/batch-sums',
    op,
    description: 'a batch of 2: the weight gradient sums over the batch',
    attrs: { kernelSize: [2] },
    inputs: [t([1, 2, 3, 4, 5, 6], [2, 1, 3]), t([1, 0, 0, 1], [2, 1, 2])],
    // Item 0, dy [1 0]: adds x[0..1] = [1 2]. Item 1, dy [0 1]: adds x[1..2] = [5 6]. dw = [6 8].
    expected: t([6, 8], [1, 1, 2]),
  }),
  opCase({
    id: 'conv1dBackwardFilter/hand/circular',
    op,
    description: 'circular pads [1, 1], kernelSize 3 on x [1 2 3], dy one-hot at output 0',
    attrs: { pads: [1, 1], paddingMode: 'circular', kernelSize: [3] },
    inputs: [t([1, 2, 3], [1, 1, 3]), t([1, 0, 0], [1, 1, 3])],
    // Output 0 reads the wrapped window [x2 x0 x1] = [3 1 2]: that is dw.
    expected: t([3, 1, 2], [1, 1, 3]),
  }),
  opCase({
    id: 'conv1dBackwardFilter/hand/depthwise',
    op,
    description: 'groups 2 on 2 channels: each output channel sees only its own input channel',
    attrs: { groups: 2, kernelSize: [2] },
    inputs: [t([1, 2, 3, 10, 20, 30], [1, 2, 3]), t([1, 1, 1, -1], [1, 2, 2])],
    // Out 0 (x = [1 2 3], dy [1 1]): dw = [1 + 2, 2 + 3] = [3 5].
    // Out 1 (x = [10 20 30], dy [1 -1]): dw = [10 - 20, 20 - 30] = [-10 -10].
    expected: t([3, 5, -10, -10], [2, 1, 2]),
  }),
  ...goldenCases(golden as GoldenFile),
];
