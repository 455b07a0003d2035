"""Gradient goldens for globalMaxPool: F.adaptive_max_pool1d/2d(x, 1), dy to the plane's maximum
(randn inputs: no ties)."""
import torch.nn.functional as F

from common import randn, rng
from grad_common import grad_case, write_grad

g = rng(4108)
cases = [
    grad_case(g, 'ncl', '[2, 3, 5] (N, C, L) via adaptive_max_pool1d(1)', {}, [randn(g, 2, 3, 5)], [0], lambda x: F.adaptive_max_pool1d(x, 1)),
    grad_case(g, 'nchw', '[2, 2, 3, 4] (N, C, H, W) via adaptive_max_pool2d(1)', {}, [randn(g, 2, 2, 3, 4)], [0], lambda x: F.adaptive_max_pool2d(x, 1)),
]
write_grad('globalMaxPool', cases, __file__)
