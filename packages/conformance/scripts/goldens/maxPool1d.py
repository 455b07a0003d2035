"""Goldens for maxPool1d: F.max_pool1d with stride, padding, dilation, ceil_mode and NaN."""
import math

import torch.nn.functional as F

from common import case, randn, rng, write
from pool_helpers import pad, same_pads

g = rng(2025)
cases = []


def add(name, description, x, k, s, p, d=1, ceil=False):
    y = F.max_pool1d(x, k, s, p, d, ceil_mode=ceil)
    attrs = {'kernelSize': [k], 'strides': [s], 'pads': [p, p], 'dilations': [d], 'ceilMode': ceil}
    cases.append(case(name, description, attrs, [x], y))


add('k2s2', 'window 2, stride 2, on 3 channels', randn(g, 2, 3, 8), 2, 2, 0)
add('k3s1p1', 'window 3, stride 1, pad 1', randn(g, 1, 2, 7), 3, 1, 1)
add('k3s2p1-dilation2', 'window 3 with dilation 2, stride 2, pad 1', randn(g, 1, 2, 11), 3, 2, 1, 2)
add('k4s3p2', 'window 4, stride 3, pad 2', randn(g, 1, 1, 10), 4, 3, 2)
add('ceil-k2s2', 'ceil_mode: the last window hangs over odd length 9', randn(g, 1, 2, 9), 2, 2, 0, ceil=True)
add('ceil-k3s2p1', 'ceil_mode with pad 1, length 6: last window past the end pad', randn(g, 1, 1, 6), 3, 2, 1, ceil=True)
add('ceil-clamped-k2s2p1', 'ceil_mode where the clamp drops a window that would start in the end pad (length 5)', randn(g, 1, 1, 5), 2, 2, 1, ceil=True)

x = randn(g, 1, 2, 8)
x[0, 0, 0] = float('nan')
x[0, 1, 5] = float('nan')
add('nan-propagates', 'NaN in a window makes that window NaN (window 3, stride 2, pad 1)', x, 3, 2, 1)

x = -randn(g, 1, 2, 7).abs()  # all negative, so a padding value of 0 would show up
y = F.max_pool1d(pad(x, [1, 0], -math.inf), 2, 2)
cases.append(case('asymmetric-pads', 'pads [begin 1, end 0] on negative input (F.pad -inf + valid pool)',
                  {'kernelSize': [2], 'strides': [2], 'pads': [1, 0]}, [x], y))

x = randn(g, 1, 2, 8)
onnx_pads = same_pads([8], [4], [3])  # out 3, total 3: [1, 2]
y = F.max_pool1d(pad(x, onnx_pads, -math.inf), 4, 3)
cases.append(case('same-k4s3', "pads 'same' (SAME_UPPER) on length 8, window 4 stride 3 (F.pad -inf + valid pool)",
                  {'kernelSize': [4], 'strides': [3], 'pads': 'same'}, [x], y))

write('maxPool1d', cases, __file__)
