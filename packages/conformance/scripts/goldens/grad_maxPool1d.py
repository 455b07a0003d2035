"""Gradient goldens for maxPool1d: dy routed to each window's maximum (overlapping windows add
up); stride, padding, dilation and ceil_mode. Inputs are randn (no ties)."""
import torch.nn.functional as F

from common import randn, rng
from grad_common import grad_case, write_grad

g = rng(4104)
cases = []


def add(name, description, x, k, s, p, d=1, ceil=False):
    attrs = {'kernelSize': [k], 'strides': [s], 'pads': [p, p], 'dilations': [d], 'ceilMode': ceil}
    cases.append(grad_case(g, name, description, attrs, [x], [0], lambda x: F.max_pool1d(x, k, s, p, d, ceil_mode=ceil)))


add('k2s2', 'window 2, stride 2, 2 channels, batch 2', randn(g, 2, 2, 6), 2, 2, 0)
add('k3s1-overlap', 'window 3, stride 1: a maximum wins several windows', randn(g, 1, 1, 7), 3, 1, 0)
add('k3s2p1-dilation2', 'window 3 dilated by 2, stride 2, pad 1', randn(g, 1, 1, 9), 3, 2, 1, 2)
add('ceil-k2s2', 'ceil_mode on odd length 7', randn(g, 1, 1, 7), 2, 2, 0, ceil=True)

write_grad('maxPool1d', cases, __file__)
