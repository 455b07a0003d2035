import { type ConformanceCase, type GoldenFile, goldenCases, opCase, t } from '../../case';
import golden from '../golden/conv1dBackwardInput.json';

const op = 'conv1dBackwardInput';

export const conv1dBackwardInputCases: ConformanceCase[] = [
  opCase({
    id: 'conv1dBackwardInput/hand/k2-valid',
    op,
    description: 'kernel [1 10] over length 3, dy [1 100]',
    attrs: { inputSize: [3] },
    inputs: [t([1, 100], [1, 1, 2]), t([1, 10], [1, 1, 2])],
    // y0 = x0 + 10·x1, y1 = x1 + 10·x2, so dx0 = dy0 = 1, dx1 = 10·dy0 + dy1 = 110, dx2 = 10·dy1 = 1000.
    expected: t([1, 110, 1000], [1, 1, 3]),
  }),
  opCase({
    id: 'conv1dBackwardInput/hand/stride2-unread-tail',
    op,
    description: 'kernel [1 2], stride 2, inputSize 5 (output 2): the last element is never read',
    attrs: { strides: [2], inputSize: [5] },
    inputs: [t([1, 3], [1, 1, 2]), t([1, 2], [1, 1, 2])],
    // out = floor((5 - 2) / 2) + 1 = 2; y0 = x0 + 2·x1, y1 = x2 + 2·x3 -> dx = [1, 2, 3, 6, 0].
    expected: t([1, 2, 3, 6, 0], [1, 1, 5]),
  }),
  opCase({
    id: 'conv1dBackwardInput/hand/circular',
    op,
    description: 'kernel [1 1 1], circular pads [1, 1] on length 3: wrapped reads add onto their source',
    attrs: { pads: [1, 1], paddingMode: 'circular', inputSize: [3] },
    inputs: [t([1, 2, 4], [1, 1, 3]), t([1, 1, 1], [1, 1, 3])],
    // y_i = x_{i-1} + x_i + x_{i+1} (indices mod 3): every x_j is read once by each output, dx_j = 1 + 2 + 4 = 7.
    expected: t([7, 7, 7], [1, 1, 3]),
  }),
  opCase({
    id: 'conv1dBackwardInput/hand/groups2',
    op,
    description: 'groups 2: channel 0 through kernel [1 -1], channel 1 through [2 0]',
    attrs: { groups: 2, inputSize: [3] },
    inputs: [t([1, 1, 1, 2], [1, 2, 2]), t([1, -1, 2, 0], [2, 1, 2])],
    // Channel 0: y_i = x_i - x_{i+1}, dy [1 1] -> dx = [1, -1 + 1, -1] = [1, 0, -1].
    // Channel 1: y_i = 2·x_i, dy [1 2] -> dx = [2, 4, 0].
    expected: t([1, 0, -1, 2, 4, 0], [1, 2, 3]),
  }),
  ...goldenCases(golden as GoldenFile),
];
