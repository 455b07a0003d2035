"""Gradient goldens for transpose: dy permuted back by the inverse permutation."""
from common import randn, rng
from grad_common import grad_case, write_grad

g = rng(4128)
cases = [
    grad_case(g, 'cycle', '[2, 3, 4] with perm [2, 0, 1] (its own inverse is [1, 2, 0])', {'perm': [2, 0, 1]}, [randn(g, 2, 3, 4)], [0],
              lambda x: x.permute(2, 0, 1)),
    grad_case(g, 'nchw-nhwc', '[1, 2, 3, 2] with perm [0, 2, 3, 1]', {'perm': [0, 2, 3, 1]}, [randn(g, 1, 2, 3, 2)], [0],
              lambda x: x.permute(0, 2, 3, 1)),
]
write_grad('transpose', cases, __file__)
