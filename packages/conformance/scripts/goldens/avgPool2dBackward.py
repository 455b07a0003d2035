"""Goldens for avgPool2dBackward: autograd of F.avg_pool2d with respect to x for a random dy; the
op's input is dy and inputSize carries x's spatial size. Each dy spreads over its window's real
elements divided by the forward divisor (count_include_pad, ceil_mode's cut window). Asymmetric
and 'same' pads are F.pad zeros + a valid pool (count_include_pad), or that divided by the
padded count of ones (count_include_pad off). Computed in float64."""
import torch
import torch.nn.functional as F

from common import case, randn, rng, write
from pool_helpers import pad, same_pads

g = rng(433)
cases = []


def record(name, description, attrs, shape, pool):
    xd = torch.zeros(*shape, dtype=torch.float64, requires_grad=True)
    y = pool(xd)
    dy = randn(g, *y.shape)
    y.backward(dy.double())
    cases.append(case(name, description, dict(attrs, inputSize=list(shape[2:])), [dy], xd.grad.float()))


def add(name, description, shape, k, s, p, ceil=False, include=True):
    attrs = {'kernelSize': list(k), 'strides': list(s), 'pads': [p[0], p[1], p[0], p[1]], 'ceilMode': ceil, 'countIncludePad': include}
    record(name, description, attrs, shape, lambda xd: F.avg_pool2d(xd, k, s, p, ceil_mode=ceil, count_include_pad=include))


add('k2s2', '2x2 window, stride 2, 2 channels', (1, 2, 4, 4), (2, 2), (2, 2), (0, 0))
add('k3s1-overlap', '3x3 window, stride 1: overlapping windows add up', (1, 1, 5, 5), (3, 3), (1, 1), (0, 0))
add('rect-k2x3-s1x2', 'rectangular 2x3 window, stride (1, 2), batch 2', (2, 1, 4, 7), (2, 3), (1, 2), (0, 0))
for ceil in (False, True):
    for include in (True, False):
        tag = '%s-%s' % ('ceil' if ceil else 'floor', 'include-pad' if include else 'exclude-pad')
        add('k3s2p1-' + tag, '3x3 window, stride 2, pad 1 on 6x5, ceil_mode=%s, count_include_pad=%s' % (ceil, include),
            (1, 1, 6, 5), (3, 3), (2, 2), (1, 1), ceil, include)
add('ceil-k3s3p1-include-pad', 'ceil_mode with pad 1, stride 3 on 8x6: the overhanging window is cut at the end pad', (1, 1, 8, 6), (3, 3), (3, 3), (1, 1), True, True)

onnx_pads = [1, 0, 0, 1]
record('asymmetric-pads-include-pad', 'pads [top 1, left 0, bottom 0, right 1], count_include_pad (F.pad zeros + valid pool)',
       {'kernelSize': [2, 2], 'strides': [2, 2], 'pads': onnx_pads, 'countIncludePad': True}, (1, 2, 5, 5),
       lambda xd: F.avg_pool2d(pad(xd, onnx_pads, 0.0), (2, 2), (2, 2)))

onnx_pads = same_pads([6, 7], [3, 3], [2, 2])  # [0, 1, 1, 1]
record('same-k3s2-exclude-pad', "pads 'same' on 6x7, 3x3 stride 2, count_include_pad off (padded sum / padded count)",
       {'kernelSize': [3, 3], 'strides': [2, 2], 'pads': 'same', 'countIncludePad': False}, (1, 1, 6, 7),
       lambda xd: F.avg_pool2d(pad(xd, onnx_pads, 0.0), 3, 2) / F.avg_pool2d(pad(torch.ones_like(xd), onnx_pads, 0.0), 3, 2))

write('avgPool2dBackward', cases, __file__)
