"""Goldens for maxPool1dBackward: autograd of F.max_pool1d with respect to x for a random dy; the
op's inputs are (x, dy). Each dy goes to the first maximum of its window (the last NaN when the
window holds NaN); overlapping windows add up. Computed in float64."""
import math

import torch
import torch.nn.functional as F

from common import case, randn, rng, write
from pool_helpers import pad, same_pads

g = rng(432)
cases = []


def record(name, description, attrs, x, pool):
    xd = x.double().requires_grad_()
    y = pool(xd)
    dy = randn(g, *y.shape)
    y.backward(dy.double())
    cases.append(case(name, description, attrs, [x, dy], xd.grad.float()))


def add(name, description, x, k, s, p, d=1, ceil=False):
    attrs = {'kernelSize': [k], 'strides': [s], 'pads': [p, p], 'dilations': [d], 'ceilMode': ceil}
    record(name, description, attrs, x, lambda xd: F.max_pool1d(xd, k, s, p, d, ceil_mode=ceil))


add('k2s2', 'window 2, stride 2, 3 channels, batch 2', randn(g, 2, 3, 6), 2, 2, 0)
add('k3s1-overlap', 'window 3, stride 1: overlapping windows add onto a shared maximum', randn(g, 1, 2, 8), 3, 1, 0)
add('ties-k3s1p1', 'values in {0, 1}: ties go to the first maximum', torch.randint(0, 2, (1, 2, 8), generator=g).float(), 3, 1, 1)
add('k3s2p1-dilation2', 'window 3, stride 2, pad 1, dilation 2', randn(g, 1, 2, 9), 3, 2, 1, 2)
add('ceil-k3s2', 'ceil_mode: the last window hangs over length 8', randn(g, 1, 1, 8), 3, 2, 0, ceil=True)
add('ceil-k4s3p2', 'ceil_mode, window 4, stride 3, pad 2 on length 10', randn(g, 1, 1, 10), 4, 3, 2, ceil=True)

x = randn(g, 1, 1, 7)
x[0, 0, 1] = float('nan')
x[0, 0, 3] = float('nan')
add('nan', 'NaN routing: a window [NaN, y, NaN] sends dy to its last NaN (window 3, stride 1)', x, 3, 1, 0)

x = -randn(g, 1, 2, 7).abs()
record('asymmetric-pads', 'pads [begin 0, end 1] on negative input (F.pad -inf + valid pool)',
       {'kernelSize': [2], 'strides': [2], 'pads': [0, 1]}, x,
       lambda xd: F.max_pool1d(pad(xd, [0, 1], -math.inf), 2, 2))

x = randn(g, 1, 2, 8)
onnx_pads = same_pads([8], [3], [3])  # [0, 1]
record('same-k3s3', "pads 'same' (SAME_UPPER) on length 8, window 3 stride 3 (F.pad -inf + valid pool)",
       {'kernelSize': [3], 'strides': [3], 'pads': 'same'}, x,
       lambda xd: F.max_pool1d(pad(xd, onnx_pads, -math.inf), 3, 3))

write('maxPool1dBackward', cases, __file__)
