import { type ConformanceCase, type GoldenFile, goldenCases, opCase, t } from '../../case';
import golden from '../golden/avgPool1dBackward.json';

const op = 'avgPool1dBackward';

export const avgPool1dBackwardCases: ConformanceCase[] = [
  opCase({
    id: 'avgPool1dBackward/hand/pad-count-include-pad',
    op,
    description: 'length 3, window 2, stride 2, pad 1 with countIncludePad: both windows divide by 2',
    attrs: { kernelSize: [2], strides: [2], pads: [1, 1], countIncludePad: true, inputSize: [3] },
    inputs: [t([4, 6], [1, 1, 2])],
    // Windows {pad, x0} and {x1, x2}: dx0 = 4/2 = 2; dx1 = dx2 = 6/2 = 3.
    expected: t([2, 3, 3], [1, 1, 3]),
  }),
  opCase({
    id: 'avgPool1dBackward/hand/pad-count-exclude-pad',
    op,
    description: 'the same windows without countIncludePad: the first divides by its one real element',
    attrs: { kernelSize: [2], strides: [2], pads: [1, 1], countIncludePad: false, inputSize: [3] },
    inputs: [t([4, 6], [1, 1, 2])],
    // dx0 = 4/1 = 4; dx1 = dx2 = 6/2 = 3.
    expected: t([4, 3, 3], [1, 1, 3]),
  }),
  opCase({
    id: 'avgPool1dBackward/hand/overlap',
    op,
    description: 'window 3, stride 1 on length 4: the middle elements belong to both windows',
    attrs: { kernelSize: [3], strides: [1], inputSize: [4] },
    inputs: [t([3, 6], [1, 1, 2])],
    // Windows {0,1,2} share 3/3 = 1, {1,2,3} share 6/3 = 2: dx = [1, 1 + 2, 1 + 2, 2].
    expected: t([1, 3, 3, 2], [1, 1, 4]),
  }),
  ...goldenCases(golden as GoldenFile),
];
