"""Gradient goldens for neg: [2, 3] randn."""
import torch

from common import randn, rng
from grad_common import grad_case, write_grad

g = rng(4135)
x = randn(g, 2, 3)
cases = [grad_case(g, 'values', '[2, 3] randn', {}, [x], [0], torch.neg)]
write_grad('neg', cases, __file__)
