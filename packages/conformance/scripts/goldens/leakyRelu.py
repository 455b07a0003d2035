"""Goldens for leakyRelu: F.leaky_relu with the default slope 0.01 and explicit ones."""
import torch
import torch.nn.functional as F

from common import case, randn, rng, write

g = rng(202)
cases = []
x = randn(g, 2, 3, 4)
cases.append(case('default-alpha', 'attrs omitted: the op default alpha 0.01 (PyTorch\'s negative_slope)', {}, [x], F.leaky_relu(x)))
x = randn(g, 3, 5)
cases.append(case('alpha-0.2', 'alpha 0.2', {'alpha': 0.2}, [x], F.leaky_relu(x, 0.2)))
x = torch.tensor([-1e4, -3.0, -0.0, 0.0, 2.0, 1e4])
cases.append(case('alpha-1.5-edges', 'alpha 1.5 (steeper than identity) on large magnitudes and zeros', {'alpha': 1.5}, [x], F.leaky_relu(x, 1.5)))
write('leakyRelu', cases, __file__)
