"""Gradient goldens for reshape: dy comes back in x's shape (-1 and 0 in the target)."""
from common import randn, rng
from grad_common import grad_case, write_grad

g = rng(4126)
cases = [
    grad_case(g, 'infer', '[2, 3, 4] -> [4, -1]', {'shape': [4, -1]}, [randn(g, 2, 3, 4)], [0], lambda x: x.reshape(4, -1)),
    grad_case(g, 'copy-dim', '[2, 3, 2] -> [0, 6] (0 copies the batch)', {'shape': [0, 6]}, [randn(g, 2, 3, 2)], [0], lambda x: x.reshape(2, 6)),
]
write_grad('reshape', cases, __file__)
