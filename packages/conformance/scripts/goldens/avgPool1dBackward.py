"""Goldens for avgPool1dBackward: autograd of F.avg_pool1d with respect to x for a random dy; the
op's input is dy and inputSize carries x's length. Each dy spreads over its window's real
elements divided by the forward divisor (count_include_pad, ceil_mode's cut window). Computed in
float64."""
import torch
import torch.nn.functional as F

from common import case, randn, rng, write
from pool_helpers import pad, same_pads

g = rng(434)
cases = []


def record(name, description, attrs, shape, pool):
    xd = torch.zeros(*shape, dtype=torch.float64, requires_grad=True)
    y = pool(xd)
    dy = randn(g, *y.shape)
    y.backward(dy.double())
    cases.append(case(name, description, dict(attrs, inputSize=[shape[2]]), [dy], xd.grad.float()))


def add(name, description, shape, k, s, p, ceil=False, include=True):
    attrs = {'kernelSize': [k], 'strides': [s], 'pads': [p, p], 'ceilMode': ceil, 'countIncludePad': include}
    record(name, description, attrs, shape, lambda xd: F.avg_pool1d(xd, k, s, p, ceil_mode=ceil, count_include_pad=include))


add('k2s2', 'window 2, stride 2, 3 channels, batch 2', (2, 3, 6), 2, 2, 0)
add('k4s1-overlap', 'window 4, stride 1: overlapping windows add up', (1, 2, 9), 4, 1, 0)
add('k2s2-odd-tail', 'window 2, stride 2 on length 7: the last element gets no gradient', (1, 1, 7), 2, 2, 0)
for ceil in (False, True):
    for include in (True, False):
        tag = '%s-%s' % ('ceil' if ceil else 'floor', 'include-pad' if include else 'exclude-pad')
        add('k3s2p1-' + tag, 'window 3, stride 2, pad 1 on length 8, ceil_mode=%s, count_include_pad=%s' % (ceil, include),
            (1, 2, 8), 3, 2, 1, ceil, include)
add('ceil-k4s3p2-include-pad', 'ceil_mode, window 4, stride 3, pad 2 on length 11: the overhang is cut at the end pad', (1, 1, 11), 4, 3, 2, True, True)
add('ceil-k4s3p2-exclude-pad', 'ceil_mode, window 4, stride 3, pad 2 on length 11, count_include_pad off', (1, 1, 11), 4, 3, 2, True, False)

record('asymmetric-pads-include-pad', 'pads [begin 0, end 1], count_include_pad (F.pad zeros + valid pool)',
       {'kernelSize': [2], 'strides': [2], 'pads': [0, 1], 'countIncludePad': True}, (1, 2, 7),
       lambda xd: F.avg_pool1d(pad(xd, [0, 1], 0.0), 2, 2))

onnx_pads = same_pads([8], [4], [3])  # [1, 2]
record('same-k4s3-exclude-pad', "pads 'same' on length 8, window 4 stride 3, count_include_pad off (padded sum / padded count)",
       {'kernelSize': [4], 'strides': [3], 'pads': 'same', 'countIncludePad': False}, (1, 2, 8),
       lambda xd: F.avg_pool1d(pad(xd, onnx_pads, 0.0), 4, 3) / F.avg_pool1d(pad(torch.ones_like(xd), onnx_pads, 0.0), 4, 3))

write('avgPool1dBackward', cases, __file__)
