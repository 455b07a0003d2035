"""Goldens for flatten: torch.flatten(x, start_dim, end_dim), float32 and int32."""
import torch

from common import case, randint, randn, rng, write

g = rng(302)
cases = []


def add(name, description, x, start, end):
    cases.append(case(name, description, {'startDim': start, 'endDim': end}, [x], torch.flatten(x, start, end)))


add('default-nchw', 'startDim 1, endDim -1 on [2, 3, 2, 2] (before a linear layer)', randn(g, 2, 3, 2, 2), 1, -1)
add('all', 'startDim 0, endDim -1 on [2, 3, 4]', randn(g, 2, 3, 4), 0, -1)
add('middle', 'startDim 1, endDim 2 on [2, 3, 2, 2]', randn(g, 2, 3, 2, 2), 1, 2)
add('negative-dims', 'startDim -3, endDim -2 on [2, 3, 2, 2]', randn(g, 2, 3, 2, 2), -3, -2)
add('single-axis', 'startDim 2, endDim 2 on [2, 3, 4]: no change', randn(g, 2, 3, 4), 2, 2)
add('int32', 'int32 [2, 3, 2], startDim 0, endDim 1', randint(g, -50, 50, 2, 3, 2), 0, 1)
write('flatten', cases, __file__)
