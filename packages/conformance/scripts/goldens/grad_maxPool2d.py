"""Gradient goldens for maxPool2d: dy routed to each window's maximum, summed where overlapping
windows share a maximum; stride, padding, dilation and ceil_mode. Inputs are randn (no ties)."""
import math

import torch.nn.functional as F

from common import randn, rng
from grad_common import grad_case, write_grad
from pool_helpers import pad

g = rng(4103)
cases = []


def add(name, description, x, k, s, p, d=(1, 1), ceil=False):
    attrs = {'kernelSize': list(k), 'strides': list(s), 'pads': [p[0], p[1], p[0], p[1]], 'dilations': list(d), 'ceilMode': ceil}
    cases.append(grad_case(g, name, description, attrs, [x], [0], lambda x: F.max_pool2d(x, k, s, p, d, ceil_mode=ceil)))


add('k2s2', '2x2 window, stride 2, 2 channels', randn(g, 1, 2, 4, 4), (2, 2), (2, 2), (0, 0))
add('k3s1-overlap', '3x3 window, stride 1: one maximum can win several windows', randn(g, 1, 1, 4, 5), (3, 3), (1, 1), (0, 0))
add('k3s2p1', '3x3 window, stride 2, pad 1, batch 2', randn(g, 2, 1, 5, 5), (3, 3), (2, 2), (1, 1))
add('dilation2', '2x2 window dilated by 2, stride 1, pad 1', randn(g, 1, 1, 5, 6), (2, 2), (1, 1), (1, 1), (2, 2))
add('ceil-k2s2', 'ceil_mode: last windows hang over a 5x5 input', randn(g, 1, 1, 5, 5), (2, 2), (2, 2), (0, 0), ceil=True)
add('ceil-k3s2p1', 'ceil_mode with pad 1 on 6x6', randn(g, 1, 1, 6, 6), (3, 3), (2, 2), (1, 1), ceil=True)

onnx_pads = [0, 1, 1, 0]
cases.append(grad_case(g, 'asymmetric-pads', 'pads [top 0, left 1, bottom 1, right 0] (F.pad -inf + valid pool)',
                       {'kernelSize': [2, 2], 'strides': [2, 2], 'pads': onnx_pads}, [randn(g, 1, 1, 5, 5)], [0],
                       lambda x: F.max_pool2d(pad(x, onnx_pads, -math.inf), 2, 2)))

write_grad('maxPool2d', cases, __file__)
