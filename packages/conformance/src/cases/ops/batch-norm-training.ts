import { type ConformanceCase, type GoldenFile, goldenCases, opCase, t } from '../../case';
import golden from '../golden/batchNormTraining.json';

const op = 'batchNormTraining';

export const batchNormTrainingCases: ConformanceCase[] = [
  opCase({
    id: 'batchNormTraining/hand/two-channels',
    op,
    description: 'x [2, 2] (N = 2), eps 0: y, batch mean and biased batch variance per channel',
    attrs: { epsilon: 0 },
    // x rows are samples: channel 0 = [1, 3], channel 1 = [4, 8]; scale [2, 1], bias [1, 7].
    inputs: [t([1, 4, 3, 8], [2, 2]), t([2, 1], [2]), t([1, 7], [2])],
    // Channel 0: mean 2, var ((1-2)² + (3-2)²) / 2 = 1 (biased: / N, not N - 1), x̂ = [-1, 1], y = 2·x̂ + 1 = [-1, 3].
    // Channel 1: mean 6, var ((4-6)² + (8-6)²) / 2 = 4, x̂ = (x - 6) / 2 = [-1, 1], y = x̂ + 7 = [6, 8].
    expected: [t([-1, 6, 3, 8], [2, 2]), t([2, 6], [2]), t([1, 4], [2])],
  }),
  opCase({
    id: 'batchNormTraining/hand/spatial',
    op,
    description: 'x [1, 1, 2, 2]: the statistics run over the spatial axes too',
    attrs: { epsilon: 0 },
    inputs: [t([0, 0, 2, 2], [1, 1, 2, 2]), t([3], [1]), t([0.5], [1])],
    // Values [0 0 2 2]: mean 1, var (1 + 1 + 1 + 1) / 4 = 1, x̂ = [-1 -1 1 1], y = 3·x̂ + 0.5 = [-2.5 -2.5 3.5 3.5].
    expected: [t([-2.5, -2.5, 3.5, 3.5], [1, 1, 2, 2]), t([1], [1]), t([1], [1])],
  }),
  ...goldenCases(golden as GoldenFile),
];
