"""Goldens for maxPool2dBackward: autograd of F.max_pool2d with respect to x for a random dy; the
op's inputs are (x, dy). PyTorch routes each dy to the first maximum of its window in row-major
order (the last NaN when the window holds NaN); overlapping windows add up. Asymmetric and 'same'
pads pad with -inf via F.pad (never chosen) before a valid pool. Computed in float64."""
import math

import torch
import torch.nn.functional as F

from common import case, randn, rng, write
from pool_helpers import pad, same_pads

g = rng(431)
cases = []


def record(name, description, attrs, x, pool):
    xd = x.double().requires_grad_()
    y = pool(xd)
    dy = randn(g, *y.shape)
    y.backward(dy.double())
    cases.append(case(name, description, attrs, [x, dy], xd.grad.float()))


def add(name, description, x, k, s, p, d=(1, 1), ceil=False):
    attrs = {'kernelSize': list(k), 'strides': list(s), 'pads': [p[0], p[1], p[0], p[1]], 'dilations': list(d), 'ceilMode': ceil}
    record(name, description, attrs, x, lambda xd: F.max_pool2d(xd, k, s, p, d, ceil_mode=ceil))


def ties(*shape):
    """Small integers, so windows often hold equal maxima."""
    return torch.randint(0, 3, shape, generator=g).float()


add('k2s2', '2x2 window, stride 2 (no overlap), 2 channels', randn(g, 1, 2, 4, 4), (2, 2), (2, 2), (0, 0))
add('k3s1-overlap', '3x3 window, stride 1: one maximum collects dy from several windows', randn(g, 1, 1, 5, 5), (3, 3), (1, 1), (0, 0))
add('k3s2p1-batch2', '3x3 window, stride 2, pad 1, batch 2', randn(g, 2, 1, 5, 5), (3, 3), (2, 2), (1, 1))
add('ties-k3s1p1', 'values in {0, 1, 2}: ties go to the first maximum in row-major order', ties(1, 2, 4, 5), (3, 3), (1, 1), (1, 1))
add('dilation2', '3x3 window with dilation 2, stride 1, pad 1', randn(g, 1, 1, 6, 6), (3, 3), (1, 1), (1, 1), (2, 2))
add('rect-k2x3-s1x2-p1x1', 'rectangular 2x3 window, stride (1, 2), pad (1, 1)', randn(g, 1, 1, 4, 6), (2, 3), (1, 2), (1, 1))
add('ceil-k2s2', 'ceil_mode: the last 2x2 window hangs over odd 5x5 input', randn(g, 1, 1, 5, 5), (2, 2), (2, 2), (0, 0), ceil=True)
add('ceil-k3s2p1-ties', 'ceil_mode with pad 1 on tied values', ties(1, 1, 6, 6), (3, 3), (2, 2), (1, 1), ceil=True)

x = randn(g, 1, 1, 4, 4)
x[0, 0, 0, 1] = float('nan')
x[0, 0, 1, 0] = float('nan')
x[0, 0, 2, 3] = float('nan')
add('nan', 'NaN routing: a window with NaN sends dy to its last NaN (2x2, stride 1)', x, (2, 2), (1, 1), (0, 0))

x = -randn(g, 1, 2, 5, 6).abs()  # all negative, so a padding value of 0 would show up
onnx_pads = [0, 1, 1, 0]
record('asymmetric-pads', 'pads [top 0, left 1, bottom 1, right 0] on negative input (F.pad -inf + valid pool)',
       {'kernelSize': [2, 2], 'strides': [2, 2], 'pads': onnx_pads}, x,
       lambda xd: F.max_pool2d(pad(xd, onnx_pads, -math.inf), (2, 2), (2, 2)))

x = randn(g, 1, 1, 6, 7)
onnx_pads = same_pads([6, 7], [3, 3], [2, 2])  # [0, 1, 1, 1]
record('same-k3s2', "pads 'same' (SAME_UPPER) on 6x7, 3x3 stride 2 (F.pad -inf + valid pool)",
       {'kernelSize': [3, 3], 'strides': [2, 2], 'pads': 'same'}, x,
       lambda xd: F.max_pool2d(pad(xd, onnx_pads, -math.inf), (3, 3), (2, 2)))

write('maxPool2dBackward', cases, __file__)
