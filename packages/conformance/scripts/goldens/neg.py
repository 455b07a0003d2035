"""Goldens for neg: torch.neg on random values and IEEE specials (±0, ±inf, NaN)."""
import torch

from common import case, randn, rng, write

g = rng(401)
cases = []
x = randn(g, 2, 3, 4) * 3
cases.append(case('random', 'random [2, 3, 4] with spread 3', {}, [x], torch.neg(x)))
x = torch.tensor([float('-inf'), -1e30, -0.0, 0.0, 1e-40, 7.5, float('inf'), float('nan')])
cases.append(case('specials', 'infinities, signed zeros, a subnormal, 1e30 and NaN', {}, [x], torch.neg(x)))
write('neg', cases, __file__)
