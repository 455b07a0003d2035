"""Gradient goldens for linear (nn.Linear's y = x @ W^T + b): rank-2 and rank-3 x, no bias, rank-1 x."""
import torch.nn.functional as F

from common import randn, rng
from grad_common import grad_case, write_grad

g = rng(4112)
cases = [
    grad_case(g, 'batch', '[3, 4] x, [2, 4] weight, bias', {}, [randn(g, 3, 4), randn(g, 2, 4), randn(g, 2)], [0, 1, 2], F.linear),
    grad_case(g, 'rank3', '[2, 3, 4] x (leading axes are rows), [5, 4] weight, bias', {},
              [randn(g, 2, 3, 4), randn(g, 5, 4), randn(g, 5)], [0, 1, 2], F.linear),
    grad_case(g, 'no-bias', '[2, 3] x, [4, 3] weight, no bias', {}, [randn(g, 2, 3), randn(g, 4, 3)], [0, 1], F.linear),
    grad_case(g, 'rank1', '[3] x (a single sample), [2, 3] weight, bias', {}, [randn(g, 3), randn(g, 2, 3), randn(g, 2)], [0, 1, 2], F.linear),
]
write_grad('linear', cases, __file__)
