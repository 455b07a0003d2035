import { type ConformanceCase, type GoldenFile, goldenCases, opCase, t } from '../../case';
import golden from '../golden/conv2dBackwardFilter.json';

const op = 'conv2dBackwardFilter';
/** x = [1 2 3; 4 5 6; 7 8 9] as [1, 1, 3, 3]. */
const x3x3 = t([1, 2, 3, 4, 5, 6, 7, 8, 9], [1, 1, 3, 3]);

export const conv2dBackwardFilterCases: ConformanceCase[] = [
  opCase({
    id: 'conv2dBackwardFilter/hand/k2-ones',
    op,
    description: 'x 3x3, dy all ones, kernelSize 2x2: each weight gradient is the sum its tap reads',
    attrs: { kernelSize: [2, 2] },
    inputs: [x3x3, t([1, 1, 1, 1], [1, 1, 2, 2])],
    // dw[i][j] = Σ x[oh + i][ow + j]: (0,0) 1+2+4+5 = 12, (0,1) 2+3+5+6 = 16, (1,0) 4+5+7+8 = 24, (1,1) 5+6+8+9 = 28.
    expected: t([12, 16, 24, 28], [1, 1, 2, 2]),
  }),
  opCase({
    id: 'conv2dBackwardFilter/hand/stride2-pad1',
    op,
    description: 'x 3x3, stride 2, pad 1, dy [1 2; 3 4], kernelSize 2x2: padded taps contribute nothing',
    attrs: { strides: [2, 2], pads: [1, 1, 1, 1], kernelSize: [2, 2] },
    inputs: [x3x3, t([1, 2, 3, 4], [1, 1, 2, 2])],
    // Tap (i, j) of output (oh, ow) reads x[2oh - 1 + i][2ow - 1 + j] (row/col -1 is padding):
    // dw00 = dy11·x11 = 4·5 = 20;  dw01 = dy10·x10 + dy11·x12 = 3·4 + 4·6 = 36;
    // dw10 = dy01·x01 + dy11·x21 = 2·2 + 4·8 = 36;  dw11 = 1·1 + 2·3 + 3·7 + 4·9 = 64.
    expected: t([20, 36, 36, 64], [1, 1, 2, 2]),
  }),
  opCase({
    id: 'conv2dBackwardFilter/hand/circular',
    op,
    description: 'circular pads [top 1, left 1, bottom 0, right 0] on [1 2; 3 4], dy one-hot at (0, 0)',
    attrs: { pads: [1, 1, 0, 0], paddingMode: 'circular', kernelSize: [2, 2] },
    inputs: [t([1, 2, 3, 4], [1, 1, 2, 2]), t([1, 0, 0, 0], [1, 1, 2, 2])],
    // Output (0, 0) reads the wrapped window [x11 x10; x01 x00] = [4 3; 2 1]: that is dw.
    expected: t([4, 3, 2, 1], [1, 1, 2, 2]),
  }),
  ...goldenCases(golden as GoldenFile),
];
