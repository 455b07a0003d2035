"""Goldens for avgPool1d: F.avg_pool1d with padding, count_include_pad both ways, ceil_mode both ways."""
import torch
import torch.nn.functional as F

from common import case, randn, rng, write
from pool_helpers import pad, same_pads

g = rng(2027)
cases = []


def add(name, description, x, k, s, p, ceil=False, include=True):
    y = F.avg_pool1d(x, k, s, p, ceil_mode=ceil, count_include_pad=include)
    attrs = {'kernelSize': [k], 'strides': [s], 'pads': [p, p], 'ceilMode': ceil, 'countIncludePad': include}
    cases.append(case(name, description, attrs, [x], y))


add('k2s2', 'window 2, stride 2, on 3 channels', randn(g, 2, 3, 8), 2, 2, 0)
add('k4s1', 'window 4, stride 1', randn(g, 1, 2, 9), 4, 1, 0)
for ceil in (False, True):
    for include in (True, False):
        tag = '%s-%s' % ('ceil' if ceil else 'floor', 'include-pad' if include else 'exclude-pad')
        add('k3s2p1-' + tag, 'window 3, stride 2, pad 1 on length 8, ceil_mode=%s, count_include_pad=%s' % (ceil, include),
            randn(g, 1, 2, 8), 3, 2, 1, ceil, include)
add('ceil-k4s3p2-include-pad', 'ceil_mode, window 4, stride 3, pad 2 on length 11: overhang past the end pad', randn(g, 1, 1, 11), 4, 3, 2, True, True)
add('ceil-k4s3p2-exclude-pad', 'ceil_mode, window 4, stride 3, pad 2 on length 11, count_include_pad off', randn(g, 1, 1, 11), 4, 3, 2, True, False)

x = randn(g, 1, 2, 7)
y = F.avg_pool1d(pad(x, [0, 1], 0.0), 2, 2)
cases.append(case('asymmetric-pads-include-pad', 'pads [begin 0, end 1], count_include_pad (F.pad zeros + valid pool)',
                  {'kernelSize': [2], 'strides': [2], 'pads': [0, 1], 'countIncludePad': True}, [x], y))

x = randn(g, 1, 2, 8)
onnx_pads = same_pads([8], [4], [3])  # [1, 2]
mask = torch.ones_like(x)
y = F.avg_pool1d(pad(x, onnx_pads, 0.0), 4, 3) / F.avg_pool1d(pad(mask, onnx_pads, 0.0), 4, 3)
cases.append(case('same-k4s3-exclude-pad', "pads 'same' on length 8, window 4 stride 3, count_include_pad off (padded sum / padded count)",
                  {'kernelSize': [4], 'strides': [3], 'pads': 'same', 'countIncludePad': False}, [x], y))

write('avgPool1d', cases, __file__)
