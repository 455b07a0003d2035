"""Goldens for mul: torch.mul with NumPy broadcasting, float32 and int32 (int32 keeps the low 32 bits)."""
import torch

from binary_helpers import float_broadcast_cases, int_broadcast_case
from common import case, rng, write

g = rng(103)
cases = float_broadcast_cases(g, torch.mul)
cases.append(int_broadcast_case(g, torch.mul))
a = torch.tensor([65537, 46341, -3, 123456789], dtype=torch.int32)
b = torch.tensor([65537, 46341, 7, 987654321], dtype=torch.int32)
cases.append(case('int32-wraps', 'int32 products past 2^31 keep their low 32 bits', {}, [a, b], torch.mul(a, b)))
write('mul', cases, __file__)
