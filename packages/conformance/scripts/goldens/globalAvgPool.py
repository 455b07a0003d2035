"""Goldens for globalAvgPool: F.adaptive_avg_pool{1,2,3}d(x, 1) on rank 3, 4 and 5 inputs."""
import torch.nn.functional as F

from common import case, randn, rng, write

g = rng(2028)
cases = []
x = randn(g, 2, 3, 7)
cases.append(case('rank3', 'rank 3 [2, 3, 7] -> [2, 3, 1] (adaptive_avg_pool1d(1))', {}, [x], F.adaptive_avg_pool1d(x, 1)))
x = randn(g, 2, 3, 4, 5)
cases.append(case('rank4', 'rank 4 [2, 3, 4, 5] -> [2, 3, 1, 1] (adaptive_avg_pool2d(1))', {}, [x], F.adaptive_avg_pool2d(x, 1)))
x = randn(g, 1, 2, 7, 7) * 3 + 1
cases.append(case('rank4-7x7', 'rank 4 [1, 2, 7, 7], the ResNet head shape, values with offset 1 and scale 3 (adaptive_avg_pool2d(1))', {}, [x], F.adaptive_avg_pool2d(x, 1)))
x = randn(g, 1, 2, 2, 3, 4)
cases.append(case('rank5', 'rank 5 [1, 2, 2, 3, 4] -> [1, 2, 1, 1, 1] (adaptive_avg_pool3d(1))', {}, [x], F.adaptive_avg_pool3d(x, 1)))
write('globalAvgPool', cases, __file__)
