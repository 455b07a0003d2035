"""Gradient goldens for sigmoid, including saturated inputs (+-12) where y(1 - y) is tiny."""
import torch

from common import randn, rng
from grad_common import grad_case, write_grad

g = rng(4122)
x = randn(g, 2, 4) * 2
x[0, 0] = 12.0
x[1, 1] = -12.0
cases = [grad_case(g, 'spread', '[2, 4] of scale 2 with +-12', {}, [x], [0], torch.sigmoid)]
write_grad('sigmoid', cases, __file__)
