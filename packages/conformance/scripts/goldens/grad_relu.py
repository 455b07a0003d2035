"""Gradient goldens for relu, exact zeros included: PyTorch's relu'(0) is 0."""
import torch

from common import randn, rng
from grad_common import grad_case, write_grad

g = rng(4120)
x = randn(g, 2, 5)
x[0, 1] = 0.0
x[1, 3] = 0.0
cases = [grad_case(g, 'with-zeros', '[2, 5] with two exact zeros (gradient 0 there)', {}, [x], [0], torch.relu)]
write_grad('relu', cases, __file__)
