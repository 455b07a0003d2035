"""Goldens for maxPool2d: F.max_pool2d with stride, padding, dilation, ceil_mode and NaN."""
import math

import torch
import torch.nn.functional as F

from common import case, randn, rng, write
from pool_helpers import pad, same_pads

g = rng(2024)
cases = []


def add(name, description, x, k, s, p, d=(1, 1), ceil=False):
    y = F.max_pool2d(x, k, s, p, d, ceil_mode=ceil)
    attrs = {'kernelSize': list(k), 'strides': list(s), 'pads': [p[0], p[1], p[0], p[1]], 'dilations': list(d), 'ceilMode': ceil}
    cases.append(case(name, description, attrs, [x], y))


add('k2s2', '2x2 window, stride 2, on 2 channels', randn(g, 1, 2, 6, 6), (2, 2), (2, 2), (0, 0))
add('k3s2p1', '3x3 window, stride 2, pad 1', randn(g, 2, 1, 7, 7), (3, 3), (2, 2), (1, 1))
add('k3s1p1-dilation2', '3x3 window with dilation 2, stride 1, pad 1', randn(g, 1, 2, 6, 7), (3, 3), (1, 1), (1, 1), (2, 2))
add('rect-k2x3-s1x2-p1x1', 'rectangular 2x3 window, stride (1, 2), pad (1, 1)', randn(g, 1, 1, 5, 8), (2, 3), (1, 2), (1, 1))
add('ceil-k2s2', 'ceil_mode: the last 2x2 window hangs over odd 5x7 input', randn(g, 1, 2, 5, 7), (2, 2), (2, 2), (0, 0), ceil=True)
add('ceil-k3s2p1', 'ceil_mode with pad 1: an overhanging window past the end pad', randn(g, 1, 1, 6, 6), (3, 3), (2, 2), (1, 1), ceil=True)
add('ceil-dilation2-s3', 'ceil_mode with dilation 2 and stride 3', randn(g, 1, 1, 8, 9), (2, 2), (3, 3), (1, 1), (2, 2), ceil=True)

x = randn(g, 1, 2, 4, 5)
x[0, 0, 1, 2] = float('nan')
x[0, 1, 3, 4] = float('nan')
add('nan-propagates', 'NaN in a window makes that window NaN (2x2, stride 1, pad 1)', x, (2, 2), (1, 1), (1, 1))

# Asymmetric ONNX pads [top, left, bottom, right] emulated with F.pad(-inf) and a valid pool.
x = -randn(g, 1, 2, 5, 6).abs()  # all negative, so a padding value of 0 would show up
onnx_pads = [0, 1, 1, 0]
y = F.max_pool2d(pad(x, onnx_pads, -math.inf), (2, 2), (2, 2))
cases.append(case('asymmetric-pads', 'pads [top 0, left 1, bottom 1, right 0] on negative input (F.pad -inf + valid pool)',
                  {'kernelSize': [2, 2], 'strides': [2, 2], 'pads': onnx_pads}, [x], y))

x = randn(g, 1, 1, 6, 7)
onnx_pads = same_pads([6, 7], [3, 3], [2, 2])  # [0, 1, 1, 1]: the odd unit goes at the end
y = F.max_pool2d(pad(x, onnx_pads, -math.inf), (3, 3), (2, 2))
cases.append(case('same-k3s2', "pads 'same' (SAME_UPPER) on 6x7, 3x3 stride 2 (F.pad -inf + valid pool)",
                  {'kernelSize': [3, 3], 'strides': [2, 2], 'pads': 'same'}, [x], y))

write('maxPool2d', cases, __file__)
