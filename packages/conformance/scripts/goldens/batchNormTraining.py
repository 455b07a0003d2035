"""Goldens for batchNormTraining: F.batch_norm(training=True) without running statistics for y,
and the batch statistics it normalises with: x.mean and the BIASED x.var(unbiased=False) over
every axis but 1. Computed in float64 from the float32 inputs, then stored as float32."""
import torch
import torch.nn.functional as F

from common import case, randn, rng, write

g = rng(409)
cases = []


def add(name, description, shape, eps, offset=0.5):
    c = shape[1]
    x = randn(g, *shape) * 2 + offset
    scale = randn(g, c)
    bias = randn(g, c)
    dims = [d for d in range(len(shape)) if d != 1]
    xd = x.double()
    y = F.batch_norm(xd, None, None, scale.double(), bias.double(), training=True, eps=eps)
    mean = xd.mean(dim=dims)
    var = xd.var(dim=dims, unbiased=False)
    cases.append(case(name, description, {'epsilon': eps}, [x, scale, bias], [y.float(), mean.float(), var.float()]))


add('rank2', 'rank 2 [4, 3] (BatchNorm1d after a linear layer), eps 1e-5', [4, 3], 1e-5)
add('rank3', 'rank 3 [2, 3, 5] (BatchNorm1d over sequences), eps 1e-5', [2, 3, 5], 1e-5)
add('rank4', 'rank 4 [2, 4, 3, 3] (BatchNorm2d), eps 1e-5', [2, 4, 3, 3], 1e-5)
add('rank4-eps-1e-1', 'rank 4 [1, 2, 4, 4] with eps 0.1 (the eps must be used, not the default)', [1, 2, 4, 4], 1e-1)
add('rank5', 'rank 5 [1, 2, 2, 2, 3] (BatchNorm3d), eps 1e-5', [1, 2, 2, 2, 3], 1e-5)
add('large-offset', 'rank 4 [2, 2, 3, 3] centred at 1000: the variance must not cancel away', [2, 2, 3, 3], 1e-5, offset=1000.0)
write('batchNormTraining', cases, __file__)
