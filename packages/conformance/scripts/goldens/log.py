"""Goldens for log: torch.log on positive values, log 0 = -inf, log of a negative = NaN."""
import torch

from common import case, randn, rng, write

g = rng(405)
cases = []
x = randn(g, 2, 3, 4).abs() * 5 + 1e-3
cases.append(case('random-positive', 'random positive [2, 3, 4] in (1e-3, ~15)', {}, [x], torch.log(x)))
x = torch.tensor([0.0, -0.0, -1.0, 1e-40, 1e-30, 1.0, 2.718281828, 1e30, float('inf'), float('-inf'), float('nan')])
cases.append(case('specials', 'zeros (-inf), a negative (NaN), a subnormal, 1e+-30, e, infinities and NaN', {}, [x], torch.log(x)))
write('log', cases, __file__)
