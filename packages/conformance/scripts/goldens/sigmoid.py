"""Goldens for sigmoid: torch.sigmoid, including magnitudes where a naive exp overflows."""
import torch

from common import case, randn, rng, write

g = rng(203)
cases = []
x = randn(g, 2, 3, 4) * 4
cases.append(case('random', 'random [2, 3, 4] with spread 4', {}, [x], torch.sigmoid(x)))
x = torch.tensor([-1e4, -100.0, -88.0, -30.0, -1.0, 0.0, 1.0, 30.0, 88.0, 100.0, 1e4])
# At -100 PyTorch's float32 exp(100) overflows and it returns 0; an exact 3.7e-44 is within atol too.
cases.append(case('large-magnitude', 'saturation at +-1e4 without overflow (NaN would fail); tiny tails at -88 and -100', {}, [x], torch.sigmoid(x)))
write('sigmoid', cases, __file__)
