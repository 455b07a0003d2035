"""Gradient goldens for sign: sign is piecewise constant: a zero gradient, zeros included."""
import torch

from common import randn, rng
from grad_common import grad_case, write_grad

g = rng(4137)
x = torch.cat([randn(g, 4), torch.zeros(2)]).reshape(2, 3)
cases = [grad_case(g, 'values', 'sign is piecewise constant: a zero gradient, zeros included', {}, [x], [0], torch.sign)]
write_grad('sign', cases, __file__)
