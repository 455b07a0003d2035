"""Goldens for relu: torch.relu on random values, exact zeros and NaN."""
import torch

from common import case, randn, rng, write

g = rng(201)
cases = []
x = randn(g, 2, 3, 4)
cases.append(case('nchw-random', 'random [2, 3, 4]', {}, [x], torch.relu(x)))
x = torch.tensor([-1e4, -1.5, -0.0, 0.0, 1e-30, 2.5, 1e4, float('nan')])
cases.append(case('edges', 'large magnitudes, signed zeros, a tiny positive and NaN (NaN stays NaN)', {}, [x], torch.relu(x)))
write('relu', cases, __file__)
