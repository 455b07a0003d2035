import { type ConformanceCase, type GoldenFile, goldenCases, opCase, t } from '../../case';
import golden from '../golden/flatten.json';

const eight = [1, 2, 3, 4, 5, 6, 7, 8];

export const flattenCases: ConformanceCase[] = [
  opCase({
    id: 'flatten/hand/default',
    op: 'flatten',
    description: 'defaults startDim 1, endDim -1: [2, 2, 2] -> [2, 2 * 2 = 4]',
    inputs: [t(eight, [2, 2, 2])],
    expected: t(eight, [2, 4]),
  }),
  opCase({
    id: 'flatten/hand/middle-axes',
    op: 'flatten',
    description: 'startDim 1, endDim 2: [1, 2, 2, 2] -> [1, 2 * 2 = 4, 2]',
    attrs: { startDim: 1, endDim: 2 },
    inputs: [t(eight, [1, 2, 2, 2])],
    expected: t(eight, [1, 4, 2]),
  }),
  opCase({
    id: 'flatten/hand/everything-int32',
    op: 'flatten',
    description: 'startDim 0, endDim -1 on int32 [2, 2, 2] -> [8]',
    attrs: { startDim: 0, endDim: -1 },
    inputs: [t(eight, [2, 2, 2], 'int32')],
    expected: t(eight, [8], 'int32'),
  }),
  ...goldenCases(golden as GoldenFile),
];
