"""Goldens for abs: torch.abs on random values and IEEE specials (±0, ±inf, NaN)."""
import torch

from common import case, randn, rng, write

g = rng(402)
cases = []
x = randn(g, 3, 5) * 3
cases.append(case('random', 'random [3, 5] with spread 3', {}, [x], torch.abs(x)))
x = torch.tensor([float('-inf'), -1e30, -0.0, 0.0, -1e-40, 7.5, float('inf'), float('nan')])
cases.append(case('specials', 'infinities, signed zeros, a negative subnormal, -1e30 and NaN', {}, [x], torch.abs(x)))
write('abs', cases, __file__)
