import { type GradientCase, type GradientGoldenFile, finiteDifferenceCase, gradientGoldens } from '../../training/gradient-case';
import golden from '../golden/grad_gather.json';
import { t } from '../../case';
import { uniform } from './values';

export const gatherGradientCases: GradientCase[] = [
  finiteDifferenceCase({
    name: 'embedding-repeats',
    op: 'gather',
    description: 'axis 0 of a [4, 3] table with ids [[1, 1], [3, -1]]: row 1 twice, row 3 twice (-1), row 0 and 2 none',
    attrs: { axis: 0 },
    inputs: [uniform([4, 3], 121), t([1, 1, 3, -1], [2, 2], 'int32')],
  }),
  finiteDifferenceCase({
    name: 'axis1',
    op: 'gather',
    description: 'axis 1 of [2, 3, 2] with [2, 0, 2]',
    attrs: { axis: 1 },
    inputs: [uniform([2, 3, 2], 122), t([2, 0, 2], [3], 'int32')],
  }),
  ...gradientGoldens(golden as GradientGoldenFile),
];
