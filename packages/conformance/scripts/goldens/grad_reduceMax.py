"""Gradient goldens for reduceMax = torch.amax, which splits dy evenly among tied maxima."""
import torch

from common import randn, rng
from grad_common import grad_case, write_grad

g = rng(4134)


def amax(axes, keep):
    return lambda x: torch.amax(x, dim=tuple(axes), keepdim=keep)


ties = torch.tensor([[1.0, 3.0, 3.0, 2.0], [5.0, 5.0, 5.0, -1.0], [0.5, -2.0, 0.25, 0.0]])
cases = [
    grad_case(g, 'one-axis', 'axis 1 of [3, 4] (randn: no ties)', {'axes': [1], 'keepDims': False}, [randn(g, 3, 4)], [0], amax([1], False)),
    grad_case(g, 'ties-split', 'axis 1 with a 2-way and a 3-way tie: dy/2 and dy/3 to each', {'axes': [1], 'keepDims': True}, [ties], [0], amax([1], True)),
    grad_case(g, 'all', 'every axis of [2, 3, 2] (empty axes)', {'axes': [], 'keepDims': False}, [randn(g, 2, 3, 2)], [0], amax([0, 1, 2], False)),
    grad_case(g, 'interleaved', 'axes [0, 2] of [2, 3, 2], keepDims', {'axes': [0, 2], 'keepDims': True}, [randn(g, 2, 3, 2)], [0], amax([0, 2], True)),
]
write_grad('reduceMax', cases, __file__)
