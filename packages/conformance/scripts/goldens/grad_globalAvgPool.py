"""Gradient goldens for globalAvgPool: the mean over every spatial axis (kept as size 1), ranks 3 to 5."""
from common import randn, rng
from grad_common import grad_case, write_grad

g = rng(4107)
cases = []


def add(name, description, x):
    dims = tuple(range(2, x.dim()))
    cases.append(grad_case(g, name, description, {}, [x], [0], lambda x: x.mean(dim=dims, keepdim=True)))


add('ncl', '[2, 3, 4] (N, C, L)', randn(g, 2, 3, 4))
add('nchw', '[2, 2, 3, 3] (N, C, H, W)', randn(g, 2, 2, 3, 3))
add('ncdhw', '[1, 2, 2, 2, 3] (N, C, D, H, W)', randn(g, 1, 2, 2, 2, 3))

write_grad('globalAvgPool', cases, __file__)
