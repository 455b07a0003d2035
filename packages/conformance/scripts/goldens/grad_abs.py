"""Gradient goldens for abs: [2, 4] randn with exact zeros (PyTorch's abs gradient at 0 is 0)."""
import torch

from common import randn, rng
from grad_common import grad_case, write_grad

g = rng(4136)
x = torch.cat([randn(g, 6), torch.zeros(2)]).reshape(2, 4)
cases = [grad_case(g, 'values', '[2, 4] randn with exact zeros (PyTorch abs gradient at 0 is 0)', {}, [x], [0], torch.abs)]
write_grad('abs', cases, __file__)
