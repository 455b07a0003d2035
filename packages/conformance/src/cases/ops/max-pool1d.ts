import { type ConformanceCase, type GoldenFile, goldenCases, opCase, t } from '../../case';
import golden from '../golden/maxPool1d.json';

const op = 'maxPool1d';

export const maxPool1dCases: ConformanceCase[] = [
  opCase({
    id: 'maxPool1d/hand/k2s2',
    op,
    description: 'window 2, stride 2 on 6 values',
    attrs: { kernelSize: [2], strides: [2] },
    inputs: [t([1, 3, 2, 5, 4, 0], [1, 1, 6])],
    // {1,3} {2,5} {4,0}.
    expected: t([3, 5, 4], [1, 1, 3]),
  }),
  opCase({
    id: 'maxPool1d/hand/padding-never-wins',
    op,
    description: 'window 3, stride 2, pad 1 around negative values: the padding (-Infinity) never wins',
    attrs: { kernelSize: [3], strides: [2], pads: [1, 1] },
    inputs: [t([-1, -2, -3, -4], [1, 1, 4])],
    // out = floor((4 + 2 - 3) / 2) + 1 = 2. Windows {pad,-1,-2} {-2,-3,-4}.
    expected: t([-1, -2], [1, 1, 2]),
  }),
  opCase({
    id: 'maxPool1d/hand/ceil-overhang',
    op,
    description: 'ceilMode keeps the last window that hangs over the end',
    attrs: { kernelSize: [2], strides: [2], ceilMode: true },
    inputs: [t([1, 2, 3, 4, 5], [1, 1, 5])],
    // out = ceil((5 - 2) / 2) + 1 = 3. Windows {1,2} {3,4} {5}.
    expected: t([2, 4, 5], [1, 1, 3]),
  }),
  opCase({
    id: 'maxPool1d/hand/same-upper',
    op,
    description: "pads 'same' with an even window puts the extra pad at the end (SAME_UPPER)",
    attrs: { kernelSize: [2], strides: [1], pads: 'same' },
    inputs: [t([-3, -1, -2, -5], [1, 1, 4])],
    // out = 4, total pad = 3 * 1 + 2 - 4 = 1 -> begin 0, end 1. Windows {-3,-1} {-1,-2} {-2,-5} {-5,pad}.
    expected: t([-1, -1, -2, -5], [1, 1, 4]),
  }),
  opCase({
    id: 'maxPool1d/hand/nan-propagates',
    op,
    description: 'a NaN in a window makes the window NaN, as PyTorch does',
    attrs: { kernelSize: [2], strides: [2] },
    inputs: [t([NaN, 1, 2, 3], [1, 1, 4])],
    // {NaN,1} -> NaN; {2,3} -> 3.
    expected: t([NaN, 3], [1, 1, 2]),
  }),
  ...goldenCases(golden as GoldenFile),
];
