"""Goldens for tanh: torch.tanh on random values and saturating magnitudes."""
import torch

from common import case, randn, rng, write

g = rng(204)
cases = []
x = randn(g, 2, 3, 4) * 2
cases.append(case('random', 'random [2, 3, 4] with spread 2', {}, [x], torch.tanh(x)))
x = torch.tensor([-1e4, -20.0, -1e-6, 0.0, 1e-6, 0.5, 20.0, 1e4])
cases.append(case('edges', 'saturation at +-1e4 and +-20, tiny arguments', {}, [x], torch.tanh(x)))
write('tanh', cases, __file__)
