"""Goldens for sub: torch.sub with NumPy broadcasting, float32 and int32 (int32 wraps on overflow)."""
import torch

from binary_helpers import float_broadcast_cases, int_broadcast_case
from common import case, rng, write

g = rng(102)
cases = float_broadcast_cases(g, torch.sub)
cases.append(int_broadcast_case(g, torch.sub))
a = torch.tensor([-2147483648, 2147483647, 5], dtype=torch.int32)
b = torch.tensor([1, -1, 9], dtype=torch.int32)
cases.append(case('int32-wraps', 'int32 overflow wraps around (two\'s complement)', {}, [a, b], torch.sub(a, b)))
write('sub', cases, __file__)
