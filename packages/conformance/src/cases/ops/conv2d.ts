import { type ConformanceCase, type GoldenFile, goldenCases, opCase, t } from '../../case';
import golden from '../golden/conv2d.json';

const op = 'conv2d';
/** x = [1 2 3; 4 5 6; 7 8 9] as [1, 1, 3, 3], used by several cases below. */
const x3x3 = t([1, 2, 3, 4, 5, 6, 7, 8, 9], [1, 1, 3, 3]);

export const conv2dCases: ConformanceCase[] = [
  opCase({
    id: 'conv2d/hand/k2-3x3',
    op,
    description: '1x1x3x3 input, 2x2 kernel [1 2; 3 4], no padding, no bias',
    inputs: [x3x3, t([1, 2, 3, 4], [1, 1, 2, 2])],
    // (0,0): 1·1 + 2·2 + 4·3 + 5·4 = 37   (0,1): 2·1 + 3·2 + 5·3 + 6·4 = 47
    // (1,0): 4·1 + 5·2 + 7·3 + 8·4 = 67   (1,1): 5·1 + 6·2 + 8·3 + 9·4 = 77
    expected: t([37, 47, 67, 77], [1, 1, 2, 2]),
  }),
  opCase({
    id: 'conv2d/hand/stride2-pad1-bias',
    op,
    description: '2x2 kernel [1 2; 3 4], stride 2, pad 1 all round, bias 0.5: windows hang into the zero padding',
    attrs: { strides: [2, 2], pads: [1, 1, 1, 1] },
    inputs: [x3x3, t([1, 2, 3, 4], [1, 1, 2, 2]), t([0.5], [1])],
    // out = floor((3 + 1 + 1 - 2) / 2) + 1 = 2 per axis; window (oh, ow) covers rows 2oh-1..2oh, cols 2ow-1..2ow.
    // (0,0): only x00 = 1 under tap 4 → 4          (0,1): x01·3 + x02·4 = 6 + 12 = 18
    // (1,0): x10·2 + x20·4 = 8 + 28 = 36           (1,1): 5·1 + 6·2 + 8·3 + 9·4 = 77;  each + 0.5
    expected: t([4.5, 18.5, 36.5, 77.5], [1, 1, 2, 2]),
  }),
  opCase({
    id: 'conv2d/hand/dilation2',
    op,
    description: '2x2 kernel [1 2; 3 4] dilated by 2 covers the whole 3x3 input and reads its corners',
    attrs: { dilations: [2, 2] },
    inputs: [x3x3, t([1, 2, 3, 4], [1, 1, 2, 2])],
    // Taps at (0,0) (0,2) (2,0) (2,2): 1·1 + 3·2 + 7·3 + 9·4 = 1 + 6 + 21 + 36 = 64
    expected: t([64], [1, 1, 1, 1]),
  }),
  opCase({
    id: 'conv2d/hand/same-even-kernel',
    op,
    description: "pads 'same' with a 2x2 kernel of ones: the one unit of padding goes at the end (bottom/right)",
    attrs: { pads: 'same' },
    inputs: [x3x3, t([1, 1, 1, 1], [1, 1, 2, 2])],
    // Pads [0, 0, 1, 1]: y(i, j) = sum of x[i..i+1][j..j+1] inside the image.
    // Row 0: 1+2+4+5 = 12, 2+3+5+6 = 16, 3+6 = 9;  row 1: 4+5+7+8 = 24, 5+6+8+9 = 28, 6+9 = 15;  row 2: 7+8 = 15, 8+9 = 17, 9
    expected: t([12, 16, 9, 24, 28, 15, 15, 17, 9], [1, 1, 3, 3]),
  }),
  opCase({
    id: 'conv2d/hand/groups2',
    op,
    description: 'groups 2: output 0 sees only input channel 0, output 1 only channel 1',
    attrs: { groups: 2 },
    inputs: [t([1, 2, 3, 4, 10, 20, 30, 40], [1, 2, 2, 2]), t([1, 1, 1, 1, 1, 0, 0, -1], [2, 1, 2, 2])],
    // y0 = 1 + 2 + 3 + 4 = 10 (channel 0 with ones);  y1 = 10 − 40 = −30 (channel 1 with [1 0; 0 −1])
    expected: t([10, -30], [1, 2, 1, 1]),
  }),
  opCase({
    id: 'conv2d/hand/circular',
    op,
    description: 'circular pads [top 1, left 1, bottom 0, right 0] on [1 2; 3 4] with kernel [1 10; 100 1000]',
    attrs: { pads: [1, 1, 0, 0], paddingMode: 'circular' },
    inputs: [t([1, 2, 3, 4], [1, 1, 2, 2]), t([1, 10, 100, 1000], [1, 1, 2, 2])],
    // Wrapped input (row −1 = row 1, col −1 = col 1): [4 3 4; 2 1 2; 4 3 4].
    // (0,0) [4 3; 2 1] → 4 + 30 + 200 + 1000 = 1234   (0,1) [3 4; 1 2] → 3 + 40 + 100 + 2000 = 2143
    // (1,0) [2 1; 4 3] → 2 + 10 + 400 + 3000 = 3412   (1,1) [1 2; 3 4] → 1 + 20 + 300 + 4000 = 4321
    expected: t([1234, 2143, 3412, 4321], [1, 1, 2, 2]),
  }),
  opCase({
    id: 'conv2d/hand/1x1-batch2-bias',
    op,
    description: '1x1 kernel mixing 2 channels into 3 over a batch of 2, bias [0 0 100]',
    inputs: [
      t([1, 2, 3, 4, 5, 6, 7, 8], [2, 2, 1, 2]),
      t([1, 0, 0, 1, 1, -1], [3, 2, 1, 1]),
      t([0, 0, 100], [3]),
    ],
    // Outputs are c0, c1 and c0 − c1 + 100. Item 0: c0 = [1 2], c1 = [3 4] → [1 2], [3 4], [98 98].
    // Item 1: c0 = [5 6], c1 = [7 8] → [5 6], [7 8], [98 98].
    expected: t([1, 2, 3, 4, 98, 98, 5, 6, 7, 8, 98, 98], [2, 3, 1, 2]),
  }),
  ...goldenCases(golden as GoldenFile),
];
