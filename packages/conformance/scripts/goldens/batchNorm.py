"""Goldens for batchNorm: F.batch_norm(training=False) with running statistics on rank 2 to 5."""
import torch
import torch.nn.functional as F

from common import case, randn, rng, write

g = rng(2030)
cases = []


def add(name, description, shape, eps):
    c = shape[1]
    x = randn(g, *shape) * 2 + 0.5
    scale = randn(g, c)
    bias = randn(g, c)
    mean = randn(g, c)
    var = torch.rand(c, generator=g) * 2 + 0.1  # positive, some below 1
    y = F.batch_norm(x, mean, var, scale, bias, training=False, eps=eps)
    cases.append(case(name, description, {'epsilon': eps}, [x, scale, bias, mean, var], y))


add('rank2', 'rank 2 [4, 3] (a BatchNorm1d after a linear layer), eps 1e-5', [4, 3], 1e-5)
add('rank3', 'rank 3 [2, 3, 5] (BatchNorm1d over sequences), eps 1e-5', [2, 3, 5], 1e-5)
add('rank4', 'rank 4 [2, 4, 3, 3] (BatchNorm2d), eps 1e-5', [2, 4, 3, 3], 1e-5)
add('rank4-eps-1e-3', 'rank 4 [1, 2, 4, 4] with eps 1e-3 (the eps must be used, not the default)', [1, 2, 4, 4], 1e-3)
add('rank5', 'rank 5 [1, 2, 2, 2, 3] (BatchNorm3d), eps 1e-5', [1, 2, 2, 2, 3], 1e-5)
write('batchNorm', cases, __file__)
