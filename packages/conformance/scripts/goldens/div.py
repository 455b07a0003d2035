"""Goldens for div: torch.div with NumPy broadcasting; float32 IEEE (x/0 = inf, 0/0 = nan);
int32 truncating toward zero (torch.div(rounding_mode='trunc'))."""
import torch

from binary_helpers import float_broadcast_cases, int_broadcast_case
from common import case, rng, write

g = rng(104)
cases = float_broadcast_cases(g, torch.div, divisor=True)
a = torch.tensor([1.0, -1.0, 0.0, 2.5], dtype=torch.float32)
b = torch.tensor([0.0, 0.0, 0.0, -0.5], dtype=torch.float32)
cases.append(case('float-by-zero', 'float32 division by zero: inf, -inf, nan', {}, [a, b], torch.div(a, b)))


def trunc(x, y):
    return torch.div(x, y, rounding_mode='trunc')


cases.append(int_broadcast_case(g, trunc, nonzero=True))
a = torch.tensor([7, -7, 7, -7, -1, 2147483647, -2147483648], dtype=torch.int32)
b = torch.tensor([2, 2, -2, -2, 3, 2, 3], dtype=torch.int32)
cases.append(case('int32-trunc', 'int32 division truncates toward zero', {}, [a, b], trunc(a, b)))
write('div', cases, __file__)
