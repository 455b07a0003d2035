import { type ConformanceCase, type GoldenFile, goldenCases, opCase, t } from '../../case';
import golden from '../golden/maxPool2dBackward.json';

const op = 'maxPool2dBackward';

export const maxPool2dBackwardCases: ConformanceCase[] = [
  opCase({
    id: 'maxPool2dBackward/hand/k2s2',
    op,
    description: '2x2 window, stride 2 on [1 8 3 2; 4 5 6 7]: each dy goes to its window maximum',
    attrs: { kernelSize: [2, 2], strides: [2, 2] },
    inputs: [t([1, 8, 3, 2, 4, 5, 6, 7], [1, 1, 2, 4]), t([10, 20], [1, 1, 1, 2])],
    // Window {1 8; 4 5} -> 8 at (0, 1); window {3 2; 6 7} -> 7 at (1, 3).
    expected: t([0, 10, 0, 0, 0, 0, 0, 20], [1, 1, 2, 4]),
  }),
  opCase({
    id: 'maxPool2dBackward/hand/pad1-overlap',
    op,
    description: '2x2 window, stride 1, pad 1 on [1 2; 3 9]: nine windows, dy 1 each',
    attrs: { kernelSize: [2, 2], strides: [1, 1], pads: [1, 1, 1, 1] },
    inputs: [t([1, 2, 3, 9], [1, 1, 2, 2]), t([1, 1, 1, 1, 1, 1, 1, 1, 1], [1, 1, 3, 3])],
    // Window (oh, ow) covers rows oh-1..oh, cols ow-1..ow (padding never wins):
    // row 0: {1} -> 1, {1 2} -> 2, {2} -> 2;  row 1: {1 3} -> 3, {1 2 3 9} -> 9, {2 9} -> 9;
    // row 2: {3} -> 3, {3 9} -> 9, {9} -> 9.  So dx = [1 2; 2 4].
    expected: t([1, 2, 2, 4], [1, 1, 2, 2]),
  }),
  ...goldenCases(golden as GoldenFile),
];
