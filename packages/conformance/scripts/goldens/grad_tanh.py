"""Gradient goldens for tanh, including saturated inputs (+-6)."""
import torch

from common import randn, rng
from grad_common import grad_case, write_grad

g = rng(4123)
x = randn(g, 2, 4)
x[0, 3] = 6.0
x[1, 0] = -6.0
cases = [grad_case(g, 'spread', '[2, 4] with +-6', {}, [x], [0], torch.tanh)]
write_grad('tanh', cases, __file__)
