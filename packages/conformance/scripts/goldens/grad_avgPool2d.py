"""Gradient goldens for avgPool2d: each dy spread over its window by the forward divisor;
count_include_pad both ways and ceil_mode both ways, with padding."""
import torch.nn.functional as F

from common import randn, rng
from grad_common import grad_case, write_grad
from pool_helpers import pad

g = rng(4105)
cases = []


def add(name, description, x, k, s, p, ceil=False, include=True):
    attrs = {'kernelSize': list(k), 'strides': list(s), 'pads': [p[0], p[1], p[0], p[1]], 'ceilMode': ceil, 'countIncludePad': include}
    cases.append(grad_case(g, name, description, attrs, [x], [0],
                           lambda x: F.avg_pool2d(x, k, s, p, ceil_mode=ceil, count_include_pad=include)))


add('k2s2', '2x2 window, stride 2, 2 channels', randn(g, 1, 2, 4, 4), (2, 2), (2, 2), (0, 0))
add('k3s1-overlap', '3x3 window, stride 1: windows overlap', randn(g, 1, 1, 4, 5), (3, 3), (1, 1), (0, 0))
for ceil in (False, True):
    for include in (True, False):
        tag = '%s-%s' % ('ceil' if ceil else 'floor', 'include-pad' if include else 'exclude-pad')
        add('k3s2p1-' + tag, '3x3, stride 2, pad 1 on 6x5, ceil_mode=%s, count_include_pad=%s' % (ceil, include),
            randn(g, 1, 1, 6, 5), (3, 3), (2, 2), (1, 1), ceil, include)

onnx_pads = [1, 0, 0, 1]
cases.append(grad_case(g, 'asymmetric-pads-include-pad', 'pads [top 1, left 0, bottom 0, right 1], count_include_pad (F.pad zeros + valid pool)',
                       {'kernelSize': [2, 2], 'strides': [2, 2], 'pads': onnx_pads, 'countIncludePad': True}, [randn(g, 1, 1, 5, 5)], [0],
                       lambda x: F.avg_pool2d(pad(x, onnx_pads, 0.0), 2, 2)))

write_grad('avgPool2d', cases, __file__)
