"""Goldens for avgPool2d: F.avg_pool2d with padding, count_include_pad both ways, ceil_mode both ways."""
import torch
import torch.nn.functional as F

from common import case, randn, rng, write
from pool_helpers import pad, same_pads

g = rng(2026)
cases = []


def add(name, description, x, k, s, p, ceil=False, include=True):
    y = F.avg_pool2d(x, k, s, p, ceil_mode=ceil, count_include_pad=include)
    attrs = {'kernelSize': list(k), 'strides': list(s), 'pads': [p[0], p[1], p[0], p[1]], 'ceilMode': ceil, 'countIncludePad': include}
    cases.append(case(name, description, attrs, [x], y))


add('k2s2', '2x2 window, stride 2, on 2 channels', randn(g, 1, 2, 6, 6), (2, 2), (2, 2), (0, 0))
add('rect-k2x3-s1x2', 'rectangular 2x3 window, stride (1, 2)', randn(g, 2, 1, 5, 7), (2, 3), (1, 2), (0, 0))
for ceil in (False, True):
    for include in (True, False):
        tag = '%s-%s' % ('ceil' if ceil else 'floor', 'include-pad' if include else 'exclude-pad')
        add('k3s2p1-' + tag, '3x3 window, stride 2, pad 1 on 6x5, ceil_mode=%s, count_include_pad=%s' % (ceil, include),
            randn(g, 1, 2, 6, 5), (3, 3), (2, 2), (1, 1), ceil, include)
add('ceil-k2s2-odd', 'ceil_mode, no padding: the last window hangs over 5x7 (divisor is what is left)', randn(g, 1, 1, 5, 7), (2, 2), (2, 2), (0, 0), True, True)
add('ceil-k3s3p1-include-pad', 'ceil_mode with pad 1, stride 3 on 9x6: overhang past the end pad', randn(g, 1, 1, 9, 6), (3, 3), (3, 3), (1, 1), True, True)

# Asymmetric ONNX pads [top, left, bottom, right]: with count_include_pad the padding is just
# zeros in the window, so F.pad zeros + a valid pool is the same computation (ceil_mode off).
x = randn(g, 1, 2, 5, 6)
onnx_pads = [1, 0, 0, 1]
y = F.avg_pool2d(pad(x, onnx_pads, 0.0), (2, 2), (2, 2))
cases.append(case('asymmetric-pads-include-pad', 'pads [top 1, left 0, bottom 0, right 1], count_include_pad (F.pad zeros + valid pool)',
                  {'kernelSize': [2, 2], 'strides': [2, 2], 'pads': onnx_pads, 'countIncludePad': True}, [x], y))

# Without count_include_pad the divisor is the number of real elements: sum-pool the padded
# input and divide by a sum-pool of the padded mask of ones.
x = randn(g, 1, 1, 6, 7)
onnx_pads = same_pads([6, 7], [3, 3], [2, 2])  # [0, 1, 1, 1]
mask = torch.ones_like(x)
y = F.avg_pool2d(pad(x, onnx_pads, 0.0), 3, 2) / F.avg_pool2d(pad(mask, onnx_pads, 0.0), 3, 2)
cases.append(case('same-k3s2-exclude-pad', "pads 'same' on 6x7, 3x3 stride 2, count_include_pad off (padded sum / padded count)",
                  {'kernelSize': [3, 3], 'strides': [2, 2], 'pads': 'same', 'countIncludePad': False}, [x], y))

x = randn(g, 1, 1, 6, 7)
y = F.avg_pool2d(pad(x, onnx_pads, 0.0), 3, 2)
cases.append(case('same-k3s2-include-pad', "pads 'same' on 6x7, 3x3 stride 2, count_include_pad (F.pad zeros + valid pool)",
                  {'kernelSize': [3, 3], 'strides': [2, 2], 'pads': 'same', 'countIncludePad': True}, [x], y))

write('avgPool2d', cases, __file__)
