"""Goldens for exp: torch.exp on random values, overflow to inf past ~88.72 and underflow to 0."""
import torch

from common import case, randn, rng, write

g = rng(404)
cases = []
x = randn(g, 2, 3, 4) * 3
cases.append(case('random', 'random [2, 3, 4] with spread 3', {}, [x], torch.exp(x)))
x = torch.tensor([float('-inf'), -110.0, -87.0, -1.0, -0.0, 0.0, 1.0, 20.0, 88.0, 89.0, float('inf'), float('nan')])
cases.append(case('range', 'underflow at -110, near the float32 limits at -87 and 88, overflow at 89, infinities and NaN', {}, [x], torch.exp(x)))
write('exp', cases, __file__)
