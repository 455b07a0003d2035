"""Gradient goldens for flatten (torch.flatten)."""
import torch

from common import randn, rng
from grad_common import grad_case, write_grad

g = rng(4127)
cases = [
    grad_case(g, 'default', '[2, 3, 2, 2] from axis 1', {}, [randn(g, 2, 3, 2, 2)], [0], lambda x: torch.flatten(x, 1)),
    grad_case(g, 'middle', '[2, 3, 2, 2] axes 1..2', {'startDim': 1, 'endDim': 2}, [randn(g, 2, 3, 2, 2)], [0], lambda x: torch.flatten(x, 1, 2)),
]
write_grad('flatten', cases, __file__)
