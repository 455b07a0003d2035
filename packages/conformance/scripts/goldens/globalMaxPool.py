"""Goldens for globalMaxPool: torch.amax over every spatial axis, kept as size 1, on rank 3, 4 and 5."""
import torch

from common import case, randn, rng, write

g = rng(2029)
cases = []


def amax(x):
    return torch.amax(x, dim=tuple(range(2, x.dim())), keepdim=True)


x = randn(g, 2, 3, 7)
cases.append(case('rank3', 'rank 3 [2, 3, 7] -> [2, 3, 1]', {}, [x], amax(x)))
x = randn(g, 2, 3, 4, 5)
cases.append(case('rank4', 'rank 4 [2, 3, 4, 5] -> [2, 3, 1, 1]', {}, [x], amax(x)))
x = -randn(g, 1, 2, 3, 3).abs() - 1
cases.append(case('rank4-negative', 'rank 4, every value negative (the max is not 0)', {}, [x], amax(x)))
x = randn(g, 1, 2, 2, 3, 4)
cases.append(case('rank5', 'rank 5 [1, 2, 2, 3, 4] -> [1, 2, 1, 1, 1]', {}, [x], amax(x)))
x = randn(g, 1, 3, 2, 2)
x[0, 1, 1, 0] = float('nan')
cases.append(case('nan-propagates', 'rank 4 with a NaN in channel 1: that channel is NaN (amax propagates NaN)', {}, [x], amax(x)))
write('globalMaxPool', cases, __file__)
