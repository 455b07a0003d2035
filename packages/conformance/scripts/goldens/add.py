"""Goldens for add: torch.add with NumPy broadcasting, float32 and int32 (int32 wraps on overflow)."""
import torch

from binary_helpers import float_broadcast_cases, int_broadcast_case
from common import case, rng, write

g = rng(101)
cases = float_broadcast_cases(g, torch.add)
cases.append(int_broadcast_case(g, torch.add))
a = torch.tensor([2147483647, -2147483648, 100], dtype=torch.int32)
b = torch.tensor([1, -1, -100], dtype=torch.int32)
cases.append(case('int32-wraps', 'int32 overflow wraps around (two\'s complement)', {}, [a, b], torch.add(a, b)))
write('add', cases, __file__)
