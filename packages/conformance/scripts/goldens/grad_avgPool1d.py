"""Gradient goldens for avgPool1d: count_include_pad and ceil_mode both ways, with padding."""
import torch.nn.functional as F

from common import randn, rng
from grad_common import grad_case, write_grad

g = rng(4106)
cases = []


def add(name, description, x, k, s, p, ceil=False, include=True):
    attrs = {'kernelSize': [k], 'strides': [s], 'pads': [p, p], 'ceilMode': ceil, 'countIncludePad': include}
    cases.append(grad_case(g, name, description, attrs, [x], [0],
                           lambda x: F.avg_pool1d(x, k, s, p, ceil_mode=ceil, count_include_pad=include)))


add('k2s2', 'window 2, stride 2, batch 2, 2 channels', randn(g, 2, 2, 6), 2, 2, 0)
add('k3s1-overlap', 'window 3, stride 1', randn(g, 1, 1, 6), 3, 1, 0)
add('k3s2p1-ceil-exclude-pad', 'window 3, stride 2, pad 1, ceil_mode, count_include_pad off', randn(g, 1, 1, 6), 3, 2, 1, True, False)
add('k3s2p1-ceil-include-pad', 'window 3, stride 2, pad 1, ceil_mode, count_include_pad', randn(g, 1, 1, 6), 3, 2, 1, True, True)

write_grad('avgPool1d', cases, __file__)
