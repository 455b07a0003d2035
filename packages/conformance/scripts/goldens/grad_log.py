"""Gradient goldens for log: [2, 3] positive values in [0.1, 3.1)."""
import torch

from common import randn, rng
from grad_common import grad_case, write_grad

g = rng(4139)
x = torch.rand(2, 3, generator=g) * 3 + 0.1
cases = [grad_case(g, 'values', '[2, 3] positive values in [0.1, 3.1)', {}, [x], [0], torch.log)]
write_grad('log', cases, __file__)
