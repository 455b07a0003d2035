"""Goldens for sqrt: torch.sqrt on non-negative values; sqrt of a negative = NaN."""
import torch

from common import case, randn, rng, write

g = rng(406)
cases = []
x = randn(g, 3, 4).abs() * 10
cases.append(case('random-nonnegative', 'random non-negative [3, 4] up to ~30', {}, [x], torch.sqrt(x)))
x = torch.tensor([0.0, -0.0, -4.0, 1e-40, 0.25, 2.0, 1e30, float('inf'), float('-inf'), float('nan')])
cases.append(case('specials', 'signed zeros, a negative (NaN), a subnormal, 0.25, 2, 1e30, infinities and NaN', {}, [x], torch.sqrt(x)))
write('sqrt', cases, __file__)
