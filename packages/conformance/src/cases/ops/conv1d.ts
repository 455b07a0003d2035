import { type ConformanceCase, type GoldenFile, goldenCases, opCase, t } from '../../case';
import golden from '../golden/conv1d.json';

const op = 'conv1d';
const x5 = t([1, 2, 3, 4, 5], [1, 1, 5]);

export const conv1dCases: ConformanceCase[] = [
  opCase({
    id: 'conv1d/hand/difference',
    op,
    description: 'kernel [1 0 -1] on [1 2 3 4 5]: y[t] = x[t] − x[t+2]',
    inputs: [x5, t([1, 0, -1], [1, 1, 3])],
    // 1 − 3, 2 − 4, 3 − 5
    expected: t([-2, -2, -2], [1, 1, 3]),
  }),
  opCase({
    id: 'conv1d/hand/stride2-asymmetric-pad-bias',
    op,
    description: 'kernel [1 2], stride 2, pads [begin 1, end 0], bias 1',
    attrs: { strides: [2], pads: [1, 0] },
    inputs: [x5, t([1, 2], [1, 1, 2]), t([1], [1])],
    // Padded [0 1 2 3 4 5], out = floor((6 − 2) / 2) + 1 = 3: [0 1] → 2, [2 3] → 8, [4 5] → 14; + 1
    expected: t([3, 9, 15], [1, 1, 3]),
  }),
  opCase({
    id: 'conv1d/hand/dilation2',
    op,
    description: 'kernel [1 10 100] dilated by 2 reads x[0], x[2], x[4]',
    attrs: { dilations: [2] },
    inputs: [x5, t([1, 10, 100], [1, 1, 3])],
    // 1·1 + 3·10 + 5·100 = 531
    expected: t([531], [1, 1, 1]),
  }),
  opCase({
    id: 'conv1d/hand/depthwise',
    op,
    description: 'depthwise (groups 2 = channels): each output sees only its own channel',
    attrs: { groups: 2 },
    inputs: [t([1, 2, 3, 4], [1, 2, 2]), t([1, 1, 1, -1], [2, 1, 2])],
    // y0 = 1 + 2 = 3 (channel 0 with [1 1]);  y1 = 3 − 4 = −1 (channel 1 with [1 −1])
    expected: t([3, -1], [1, 2, 1]),
  }),
  opCase({
    id: 'conv1d/hand/circular-same',
    op,
    description: "circular padding with pads 'same': kernel [1 10 100] on [1 2 3]",
    attrs: { pads: 'same', paddingMode: 'circular' },
    inputs: [t([1, 2, 3], [1, 1, 3]), t([1, 10, 100], [1, 1, 3])],
    // 'same' pads [1, 1]; wrapped input [3 1 2 3 1]: [3 1 2] → 213, [1 2 3] → 321, [2 3 1] → 132
    expected: t([213, 321, 132], [1, 1, 3]),
  }),
  ...goldenCases(golden as GoldenFile),
];
