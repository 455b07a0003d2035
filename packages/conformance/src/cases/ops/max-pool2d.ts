import { type ConformanceCase, type GoldenFile, goldenCases, opCase, t } from '../../case';
import golden from '../golden/maxPool2d.json';

const op = 'maxPool2d';

export const maxPool2dCases: ConformanceCase[] = [
  opCase({
    id: 'maxPool2d/hand/k2s2-4x4',
    op,
    description: '2x2 window, stride 2 on 1..16 as 4x4: each output is the bottom-right of its block',
    attrs: { kernelSize: [2, 2], strides: [2, 2] },
    inputs: [t([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16], [1, 1, 4, 4])],
    // Blocks {1,2,5,6} {3,4,7,8} {9,10,13,14} {11,12,15,16}.
    expected: t([6, 8, 14, 16], [1, 1, 2, 2]),
  }),
  opCase({
    id: 'maxPool2d/hand/padding-never-wins',
    op,
    description: 'pad 1 around negative values: padding is -Infinity, so it never beats a real value',
    attrs: { kernelSize: [2, 2], strides: [1, 1], pads: [1, 1, 1, 1] },
    inputs: [t([-1, -2, -3, -4], [1, 1, 2, 2])],
    // Output (i, j) sees rows i-1..i, cols j-1..j of [[-1,-2],[-3,-4]]:
    // {-1} {-1,-2} {-2} / {-1,-3} {all} {-2,-4} / {-3} {-3,-4} {-4}.
    expected: t([-1, -1, -2, -1, -1, -2, -3, -3, -4], [1, 1, 3, 3]),
  }),
  opCase({
    id: 'maxPool2d/hand/ceil-overhang',
    op,
    description: 'ceilMode on 3x3 with a 2x2 window, stride 2: the overhanging windows hold 2, 2 and 1 values',
    attrs: { kernelSize: [2, 2], strides: [2, 2], ceilMode: true },
    inputs: [t([1, 2, 3, 4, 5, 6, 7, 8, 9], [1, 1, 3, 3])],
    // out = ceil((3 - 2) / 2) + 1 = 2 per axis. Windows {1,2,4,5} {3,6} {7,8} {9}.
    expected: t([5, 6, 8, 9], [1, 1, 2, 2]),
  }),
  opCase({
    id: 'maxPool2d/hand/floor-drops-overhang',
    op,
    description: 'the same 3x3 input without ceilMode keeps only the full window',
    attrs: { kernelSize: [2, 2], strides: [2, 2] },
    inputs: [t([1, 2, 3, 4, 5, 6, 7, 8, 9], [1, 1, 3, 3])],
    // out = floor((3 - 2) / 2) + 1 = 1. Window {1,2,4,5}.
    expected: t([5], [1, 1, 1, 1]),
  }),
  opCase({
    id: 'maxPool2d/hand/dilation2',
    op,
    description: '2x2 window with dilation 2 on 4x4: taps skip a row and a column',
    attrs: { kernelSize: [2, 2], dilations: [2, 2], strides: [1, 1] },
    inputs: [t([9, 0, 1, 0, 0, 0, 0, 7, 2, 0, 3, 0, 0, 5, 0, 0], [1, 1, 4, 4])],
    // Effective window 3, out = 4 - 3 + 1 = 2. (0,0) taps rows {0,2} cols {0,2}: 9 1 2 3 -> 9;
    // (0,1) rows {0,2} cols {1,3}: 0 0 0 0 -> 0; (1,0) rows {1,3} cols {0,2}: 0 0 0 0 -> 0;
    // (1,1) rows {1,3} cols {1,3}: 0 7 5 0 -> 7. (Undilated 2x2 would give 9 1 7 3 ...)
    expected: t([9, 0, 0, 7], [1, 1, 2, 2]),
  }),
  opCase({
    id: 'maxPool2d/hand/nan-propagates',
    op,
    description: 'a NaN in a window makes the window NaN, as PyTorch does',
    attrs: { kernelSize: [1, 2], strides: [1, 1] },
    inputs: [t([1, NaN, 3, 2], [1, 1, 2, 2])],
    // Row 0: {1, NaN} -> NaN; row 1: {3, 2} -> 3.
    expected: t([NaN, 3], [1, 1, 2, 1]),
  }),
  ...goldenCases(golden as GoldenFile),
];
