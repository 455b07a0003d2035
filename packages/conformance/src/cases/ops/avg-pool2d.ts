import { type ConformanceCase, type GoldenFile, goldenCases, opCase, t } from '../../case';
import golden from '../golden/avgPool2d.json';

const op = 'avgPool2d';

export const avgPool2dCases: ConformanceCase[] = [
  opCase({
    id: 'avgPool2d/hand/k2s2-4x4',
    op,
    description: '2x2 window, stride 2 on 1..16 as 4x4',
    attrs: { kernelSize: [2, 2], strides: [2, 2] },
    inputs: [t([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16], [1, 1, 4, 4])],
    // (1+2+5+6)/4 = 3.5, (3+4+7+8)/4 = 5.5, (9+10+13+14)/4 = 11.5, (11+12+15+16)/4 = 13.5.
    expected: t([3.5, 5.5, 11.5, 13.5], [1, 1, 2, 2]),
  }),
  opCase({
    id: 'avgPool2d/hand/pad-count-include-pad',
    op,
    description: 'pad 1, 2x2 window, stride 2 on 2x2: each window holds one value and three pads, divisor 4',
    attrs: { kernelSize: [2, 2], strides: [2, 2], pads: [1, 1, 1, 1], countIncludePad: true },
    inputs: [t([1, 2, 3, 4], [1, 1, 2, 2])],
    // out = floor((2 + 2 - 2) / 2) + 1 = 2 per axis; each corner window: x / 4.
    expected: t([0.25, 0.5, 0.75, 1], [1, 1, 2, 2]),
  }),
  opCase({
    id: 'avgPool2d/hand/pad-count-exclude-pad',
    op,
    description: 'the same windows without countIncludePad: divisor 1 (the one real value)',
    attrs: { kernelSize: [2, 2], strides: [2, 2], pads: [1, 1, 1, 1], countIncludePad: false },
    inputs: [t([1, 2, 3, 4], [1, 1, 2, 2])],
    expected: t([1, 2, 3, 4], [1, 1, 2, 2]),
  }),
  opCase({
    id: 'avgPool2d/hand/ceil-overhang',
    op,
    description: 'ceilMode on 3x3, 2x2 window, stride 2, no pads: the overhang is not counted even with countIncludePad',
    attrs: { kernelSize: [2, 2], strides: [2, 2], ceilMode: true, countIncludePad: true },
    inputs: [t([1, 2, 3, 4, 5, 6, 7, 8, 9], [1, 1, 3, 3])],
    // Windows {1,2,4,5}/4 = 3, {3,6}/2 = 4.5, {7,8}/2 = 7.5, {9}/1 = 9.
    expected: t([3, 4.5, 7.5, 9], [1, 1, 2, 2]),
  }),
  ...goldenCases(golden as GoldenFile),
];
