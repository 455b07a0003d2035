import { type ConformanceCase, type GoldenFile, goldenCases, opCase, t } from '../../case';
import golden from '../golden/batchNormBackward.json';

const op = 'batchNormBackward';

export const batchNormBackwardCases: ConformanceCase[] = [
  opCase({
    id: 'batchNormBackward/hand/four-samples',
    op,
    description: 'x [4, 1] = [0 0 2 2] (mean 1, biased var 1), scale 1, eps 0, dy [1 2 3 6]',
    attrs: { epsilon: 0 },
    inputs: [t([1, 2, 3, 6], [4, 1]), t([0, 0, 2, 2], [4, 1]), t([1], [1]), t([1], [1]), t([1], [1])],
    // x̂ = [-1 -1 1 1]. dbias = Σ dy = 12; dscale = Σ dy·x̂ = -1 - 2 + 3 + 6 = 6.
    // dx = scale/σ · (dy - dbias/4 - x̂·dscale/4) = dy - 3 - 1.5·x̂
    //    = [1 - 3 + 1.5, 2 - 3 + 1.5, 3 - 3 - 1.5, 6 - 3 - 1.5] = [-0.5, 0.5, -1.5, 1.5].
    expected: [t([-0.5, 0.5, -1.5, 1.5], [4, 1]), t([6], [1]), t([12], [1])],
  }),
  opCase({
    id: 'batchNormBackward/hand/two-samples-no-dx',
    op,
    description: 'with two samples per channel y is ±scale + bias whatever x is, so dx = 0',
    attrs: { epsilon: 0 },
    // x = [1, 3]: mean 2, var 1, x̂ = [-1, 1]; scale 2; dy = [5, -1].
    inputs: [t([5, -1], [2, 1]), t([1, 3], [2, 1]), t([2], [1]), t([2], [1]), t([1], [1])],
    // dbias = 4, dscale = -5 - 1 = -6; dx = 2·(dy - 2 - x̂·(-3)) = 2·[5 - 2 - 3, -1 - 2 + 3] = [0, 0].
    expected: [t([0, 0], [2, 1]), t([-6], [1]), t([4], [1])],
  }),
  ...goldenCases(golden as GoldenFile),
];
