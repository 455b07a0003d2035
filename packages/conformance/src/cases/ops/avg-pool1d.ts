import { type ConformanceCase, type GoldenFile, goldenCases, opCase, t } from '../../case';
import golden from '../golden/avgPool1d.json';

const op = 'avgPool1d';

export const avgPool1dCases: ConformanceCase[] = [
  opCase({
    id: 'avgPool1d/hand/k3s3',
    op,
    description: 'window 3, stride 3 on 1..6',
    attrs: { kernelSize: [3], strides: [3] },
    inputs: [t([1, 2, 3, 4, 5, 6], [1, 1, 6])],
    // (1+2+3)/3 = 2, (4+5+6)/3 = 5.
    expected: t([2, 5], [1, 1, 2]),
  }),
  opCase({
    id: 'avgPool1d/hand/pad-count-include-pad',
    op,
    description: 'window 3, stride 2, pad 1 with countIncludePad: the pad counts in the divisor',
    attrs: { kernelSize: [3], strides: [2], pads: [1, 1], countIncludePad: true },
    inputs: [t([3, 6, 9], [1, 1, 3])],
    // out = floor((3 + 2 - 3) / 2) + 1 = 2. Windows {pad,3,6}: 9/3 = 3; {6,9,pad}: 15/3 = 5.
    expected: t([3, 5], [1, 1, 2]),
  }),
  opCase({
    id: 'avgPool1d/hand/pad-count-exclude-pad',
    op,
    description: 'the same windows without countIncludePad: divide by the real values only',
    attrs: { kernelSize: [3], strides: [2], pads: [1, 1], countIncludePad: false },
    inputs: [t([3, 6, 9], [1, 1, 3])],
    // {3,6}: 9/2 = 4.5; {6,9}: 15/2 = 7.5.
    expected: t([4.5, 7.5], [1, 1, 2]),
  }),
  opCase({
    id: 'avgPool1d/hand/ceil-overhang-include-pad',
    op,
    description: 'ceilMode with pad 1: the last window is cut at input + end pad before its size is counted',
    attrs: { kernelSize: [3], strides: [2], pads: [1, 1], ceilMode: true, countIncludePad: true },
    inputs: [t([0, 1, 2, 3, 4, 5], [1, 1, 6])],
    // out = ceil((6 + 2 - 3) / 2) + 1 = 4 (last start 6 < 6 + 1). Padded windows [-1,2) [1,4) [3,6) [5,8);
    // the last is cut at 6 + 1 = 7 -> [5,7) = {5, pad}, size 2. Sums 1, 6, 12, 5 over 3, 3, 3, 2.
    expected: t([1 / 3, 2, 4, 2.5], [1, 1, 4]),
  }),
  opCase({
    id: 'avgPool1d/hand/ceil-overhang-exclude-pad',
    op,
    description: 'the same ceilMode windows without countIncludePad: divide by the real values left',
    attrs: { kernelSize: [3], strides: [2], pads: [1, 1], ceilMode: true, countIncludePad: false },
    inputs: [t([0, 1, 2, 3, 4, 5], [1, 1, 6])],
    // Real values {0,1} {1,2,3} {3,4,5} {5}: 1/2, 6/3, 12/3, 5/1.
    expected: t([0.5, 2, 4, 5], [1, 1, 4]),
  }),
  opCase({
    id: 'avgPool1d/hand/asymmetric-pads',
    op,
    description: 'pads [begin 0, end 1]: only the last window holds padding',
    attrs: { kernelSize: [2], strides: [2], pads: [0, 1], countIncludePad: true },
    inputs: [t([1, 2, 3], [1, 1, 3])],
    // out = floor((3 + 1 - 2) / 2) + 1 = 2. Windows {1,2}/2 = 1.5, {3,pad}/2 = 1.5.
    expected: t([1.5, 1.5], [1, 1, 2]),
  }),
  ...goldenCases(golden as GoldenFile),
];
