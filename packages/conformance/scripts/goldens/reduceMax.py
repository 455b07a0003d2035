"""Goldens for reduceMax: torch.amax(x, dim=tuple, keepdim), which propagates NaN."""
import torch

from common import case, randn, rng, write
from reduce_helpers import reduce_cases

g = rng(313)
cases = reduce_cases(g, lambda x, dims, keep: torch.amax(x, dim=dims, keepdim=keep))
x = randn(g, 3, 4)
x[0, 2] = float('nan')
x[2, 0] = float('nan')
x[1] = float('-inf')
cases.append(case('nan-and-inf', 'axis 1 of [3, 4]: a NaN makes its row NaN; a row of -inf gives -inf',
                  {'axes': [1], 'keepDims': False}, [x], torch.amax(x, dim=1)))
cases.append(case('nan-axis0', 'axis 0 of the same [3, 4]: NaN reaches the columns it is in',
                  {'axes': [0], 'keepDims': True}, [x], torch.amax(x, dim=0, keepdim=True)))
write('reduceMax', cases, __file__)
