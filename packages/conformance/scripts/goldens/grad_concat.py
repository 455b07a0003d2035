"""Gradient goldens for concat: each input gets its own stretch of dy."""
import torch

from common import randn, rng
from grad_common import grad_case, write_grad

g = rng(4129)
cases = [
    grad_case(g, 'axis1-three', 'three inputs [2, 1, 2], [2, 3, 2], [2, 2, 2] along axis 1', {'axis': 1},
              [randn(g, 2, 1, 2), randn(g, 2, 3, 2), randn(g, 2, 2, 2)], [0, 1, 2], lambda *xs: torch.cat(xs, 1)),
    grad_case(g, 'axis-last-two', 'two inputs [2, 3] and [2, 1] along axis -1', {'axis': -1},
              [randn(g, 2, 3), randn(g, 2, 1)], [0, 1], lambda *xs: torch.cat(xs, -1)),
]
write_grad('concat', cases, __file__)
