import { type ConformanceCase, type GoldenFile, goldenCases, opCase, t } from '../../case';
import golden from '../golden/conv2dBackwardInput.json';

const op = 'conv2dBackwardInput';
/** w = [1 2; 3 4] as [1, 1, 2, 2]. */
const w1234 = t([1, 2, 3, 4], [1, 1, 2, 2]);

export const conv2dBackwardInputCases: ConformanceCase[] = [
  opCase({
    id: 'conv2dBackwardInput/hand/k2-ones',
    op,
    description: 'kernel [1 2; 3 4] over 3x3, dy all ones: dx sums the kernel taps that read each element',
    attrs: { inputSize: [3, 3] },
    inputs: [t([1, 1, 1, 1], [1, 1, 2, 2]), w1234],
    // dx[i][j] = Σ w[i - oh][j - ow] over the 2x2 outputs: corners get one tap (1, 2, 3, 4), edges two
    // ((0,1): 2 + 1 = 3, (1,0): 3 + 1 = 4, (1,2): 2 + 4 = 6, (2,1): 3 + 4 = 7), the centre all four (10).
    expected: t([1, 3, 2, 4, 10, 6, 3, 7, 4], [1, 1, 3, 3]),
  }),
  opCase({
    id: 'conv2dBackwardInput/hand/stride2-pad1',
    op,
    description: 'kernel [1 2; 3 4], stride 2, pad 1 on 3x3, dy [1 2; 3 4]',
    attrs: { strides: [2, 2], pads: [1, 1, 1, 1], inputSize: [3, 3] },
    inputs: [t([1, 2, 3, 4], [1, 1, 2, 2]), w1234],
    // Tap (i, j) of output (oh, ow) reads x[2oh - 1 + i][2ow - 1 + j]; each element is read exactly once:
    // row 0 by (oh 0, i 1), row 1 by (oh 1, i 0), row 2 by (oh 1, i 1), and likewise for columns. So
    // dx = [dy00·4, dy01·3, dy01·4; dy10·2, dy11·1, dy11·2; dy10·4, dy11·3, dy11·4] = [4 6 8; 6 4 8; 12 12 16].
    expected: t([4, 6, 8, 6, 4, 8, 12, 12, 16], [1, 1, 3, 3]),
  }),
  opCase({
    id: 'conv2dBackwardInput/hand/circular',
    op,
    description: 'circular pads [top 1, left 1, bottom 0, right 0] on 2x2, kernel [1 10; 100 1000], dy one-hot at (0, 0)',
    attrs: { pads: [1, 1, 0, 0], paddingMode: 'circular', inputSize: [2, 2] },
    inputs: [t([1, 0, 0, 0], [1, 1, 2, 2]), t([1, 10, 100, 1000], [1, 1, 2, 2])],
    // Output (0, 0) reads the wrapped window [x11 x10; x01 x00], so its gradient lands there:
    // dx11 = 1, dx10 = 10, dx01 = 100, dx00 = 1000.
    expected: t([1000, 100, 10, 1], [1, 1, 2, 2]),
  }),
  ...goldenCases(golden as GoldenFile),
];
