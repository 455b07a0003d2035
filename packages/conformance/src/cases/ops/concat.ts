import { type ConformanceCase, type GoldenFile, goldenCases, opCase, t } from '../../case';
import golden from '../golden/concat.json';

export const concatCases: ConformanceCase[] = [
  opCase({
    id: 'concat/hand/axis1-three-inputs',
    op: 'concat',
    description: '[2, 1] + [2, 2] + [2, 1] on axis 1 -> [2, 4]',
    attrs: { axis: 1 },
    // rows: [1] + [3, 4] + [7] = [1, 3, 4, 7]; [2] + [5, 6] + [8] = [2, 5, 6, 8]
    inputs: [t([1, 2], [2, 1]), t([3, 4, 5, 6], [2, 2]), t([7, 8], [2, 1])],
    expected: t([1, 3, 4, 7, 2, 5, 6, 8], [2, 4]),
  }),
  opCase({
    id: 'concat/hand/axis0-int32',
    op: 'concat',
    description: 'int32 [1, 2] + [2, 2] on axis 0 -> [3, 2]: the rows stack',
    attrs: { axis: 0 },
    inputs: [t([1, 2], [1, 2], 'int32'), t([3, 4, 5, 6], [2, 2], 'int32')],
    expected: t([1, 2, 3, 4, 5, 6], [3, 2], 'int32'),
  }),
  opCase({
    id: 'concat/hand/negative-axis',
    op: 'concat',
    description: '[1, 2, 1] + [1, 2, 2] on axis -1 (= 2) -> [1, 2, 3]',
    attrs: { axis: -1 },
    // rows: [1] + [3, 4] = [1, 3, 4]; [2] + [5, 6] = [2, 5, 6]
    inputs: [t([1, 2], [1, 2, 1]), t([3, 4, 5, 6], [1, 2, 2])],
    expected: t([1, 3, 4, 2, 5, 6], [1, 2, 3]),
  }),
  ...goldenCases(golden as GoldenFile),
];
