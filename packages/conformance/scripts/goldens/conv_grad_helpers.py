"""Helpers shared by the convolution gradient golden generators (conv{1,2}dBackward{Input,Filter}.py).

Each case builds the forward convolution as conv1d.py / conv2d.py do (PyTorch's own padding where it
has it; F.pad zeros or F.pad circular before a valid convolution for asymmetric pads, strided 'same'
and circular padding), runs it in float64 on the float32 inputs, and lets autograd give dx and dw
for a random dy. Autograd through F.pad(mode='circular') adds the gradient of every wrapped read
onto the element it wrapped to. Where PyTorch has closed forms (torch.nn.grad.conv{1,2}d_input /
_weight, symmetric zero padding) the script asserts that they agree with autograd.

The longest sums here are a batch of 2 over ~50 output positions: compared against float64 values,
a float32 backend's rounding can reach a few 1e-6, so the cases allow atol 1e-5.
"""
import math
import warnings

import torch
import torch.nn.functional as F
import torch.nn.grad as G

from common import randn
from conv_helpers import pad, same_pads

warnings.filterwarnings('ignore', message="Using padding='same'")

TOLERANCE = {'rtol': 1e-5, 'atol': 1e-5}


class Problem:
    """One convolution: shapes and attributes, spatial = 1 or 2. pads are ONNX-ordered."""

    def __init__(self, g, n, c, size, o, k, stride=None, pads=None, dilation=None, groups=1, mode='zeros', same=False):
        s = len(size)
        self.spatial = s
        self.stride = list(stride or [1] * s)
        self.dilation = list(dilation or [1] * s)
        self.groups = groups
        self.mode = mode
        self.same = same
        self.size = list(size)
        self.kernel = list(k)
        self.explicit = same_pads(self.size, self.kernel, self.stride, self.dilation) if same else list(pads or [0] * (2 * s))
        self.x = randn(g, n, c, *size)
        self.w = randn(g, o, c // groups, *k)
        self.y_shape = self.forward(self.x.double(), self.w.double()).shape
        self.dy = randn(g, *self.y_shape)
        self.dx, self.dw = self.grads()

    def attrs(self):
        return {'strides': self.stride, 'pads': 'same' if self.same else self.explicit,
                'dilations': self.dilation, 'groups': self.groups, 'paddingMode': self.mode}

    def forward(self, x, w):
        conv = F.conv1d if self.spatial == 1 else F.conv2d
        s = self.spatial
        circular = self.mode == 'circular'
        begins, ends = self.explicit[:s], self.explicit[s:]
        if self.same and all(v == 1 for v in self.stride) and not circular:
            return conv(x, w, None, self.stride, 'same', self.dilation, self.groups)
        if not circular and begins == ends:
            return conv(x, w, None, self.stride, begins, self.dilation, self.groups)
        return conv(pad(x, self.explicit, circular), w, None, self.stride, 0, self.dilation, self.groups)

    def grads(self):
        x = self.x.double().requires_grad_()
        w = self.w.double().requires_grad_()
        self.forward(x, w).backward(self.dy.double())
        s = self.spatial
        if self.mode == 'zeros' and not self.same and self.explicit[:s] == self.explicit[s:]:
            grad_input = G.conv1d_input if s == 1 else G.conv2d_input
            grad_weight = G.conv1d_weight if s == 1 else G.conv2d_weight
            args = (self.stride, self.explicit[:s], self.dilation, self.groups)
            closed_dx = grad_input(list(x.shape), w.detach(), self.dy.double(), *args)
            closed_dw = grad_weight(x.detach(), list(w.shape), self.dy.double(), *args)
            assert torch.allclose(closed_dx, x.grad) and torch.allclose(closed_dw, w.grad), 'closed form and autograd disagree'
        return x.grad.float(), w.grad.float()


def problems(g, spatial):
    """The attribute sweep both gradient ops are checked over, in 1-D or 2-D."""
    if spatial == 2:
        P = lambda *a, **kw: Problem(g, *a, **kw)  # noqa: E731
        return [
            ('k3-p1-batch2', 'kernel 3x3, pad 1, 2 -> 3 channels, batch 2', P(2, 2, [4, 4], 3, [3, 3], pads=[1, 1, 1, 1])),
            ('stride2-p1-in7', 'kernel 3x3, stride 2, pad 1 on 7x7 (output 4x4)', P(1, 1, [7, 7], 2, [3, 3], stride=[2, 2], pads=[1, 1, 1, 1])),
            ('stride2-p1-in8', 'the same output 4x4 from an 8x8 input: the last row/column get no gradient through the window', P(1, 1, [8, 8], 2, [3, 3], stride=[2, 2], pads=[1, 1, 1, 1])),
            ('dilation2', 'kernel 3x3 dilated by 2, pad 2 on 5x5', P(1, 1, [5, 5], 2, [3, 3], pads=[2, 2, 2, 2], dilation=[2, 2])),
            ('rect-stride1x2-dilation2x1', 'kernel 2x3, stride (1, 2), dilation (2, 1), pads [1, 0, 1, 0]', P(1, 1, [5, 6], 2, [2, 3], stride=[1, 2], pads=[1, 0, 1, 0], dilation=[2, 1])),
            ('groups2', 'groups 2: 4 -> 4 channels', P(1, 4, [3, 3], 4, [3, 3], pads=[1, 1, 1, 1], groups=2)),
            ('depthwise', 'depthwise: groups = channels = 3, channel multiplier 2', P(1, 3, [3, 4], 6, [3, 3], pads=[1, 1, 1, 1], groups=3)),
            ('groups2-stride2-dilation2', 'groups 2 with stride 2, dilation 2, pad 2', P(1, 4, [5, 5], 2, [2, 2], stride=[2, 2], pads=[2, 2, 2, 2], dilation=[2, 2], groups=2)),
            ('asymmetric-pads', 'pads [top 0, left 2, bottom 1, right 0] (F.pad + valid conv)', P(1, 1, [4, 5], 2, [3, 3], pads=[0, 2, 1, 0])),
            ('same-k4', "pads 'same' with an even 4x4 kernel (padding='same')", P(1, 1, [5, 5], 1, [4, 4], same=True)),
            ('same-stride2', "pads 'same' at stride 2 on 6x7 (SAME_UPPER via F.pad)", P(1, 1, [6, 7], 2, [3, 3], stride=[2, 2], same=True)),
            ('circular-p1', 'circular padding 1 all round (F.pad circular)', P(1, 1, [4, 5], 2, [3, 3], pads=[1, 1, 1, 1], mode='circular')),
            ('circular-asymmetric-stride2', 'circular pads [top 2, left 0, bottom 1, right 3], stride 2', P(1, 1, [4, 4], 2, [3, 3], stride=[2, 2], pads=[2, 0, 1, 3], mode='circular')),
            ('circular-same-dilation2', "circular with pads 'same' and dilation 2", P(1, 1, [5, 5], 1, [3, 3], dilation=[2, 2], mode='circular', same=True)),
            ('circular-depthwise', 'circular padding 1 on a depthwise conv', P(1, 2, [4, 4], 2, [3, 3], pads=[1, 1, 1, 1], groups=2, mode='circular')),
            ('1x1-batch2', '1x1 kernel mixing 3 channels into 2, batch 2 (no unrolling needed)', P(2, 3, [3, 3], 2, [1, 1])),
        ]
    P = lambda *a, **kw: Problem(g, *a, **kw)  # noqa: E731
    return [
        ('k3-p1-batch2', 'kernel 3, pad 1, 2 -> 3 channels, batch 2', P(2, 2, [6], 3, [3], pads=[1, 1])),
        ('stride2-p1-in7', 'kernel 3, stride 2, pad 1 on length 7 (output 4)', P(1, 2, [7], 2, [3], stride=[2], pads=[1, 1])),
        ('stride2-p1-in8', 'the same output 4 from length 8: the last element gets no gradient', P(1, 2, [8], 2, [3], stride=[2], pads=[1, 1])),
        ('stride3-dilation2', 'kernel 2, stride 3, dilation 2, pad 1 on length 11', P(1, 1, [11], 2, [2], stride=[3], pads=[1, 1], dilation=[2])),
        ('groups2', 'groups 2: 4 -> 4 channels', P(1, 4, [6], 4, [3], pads=[1, 1], groups=2)),
        ('depthwise', 'depthwise: groups = channels = 3, channel multiplier 2', P(1, 3, [7], 6, [3], pads=[1, 1], groups=3)),
        ('asymmetric-pads', 'pads [begin 3, end 0] (F.pad + valid conv)', P(1, 2, [6], 2, [3], pads=[3, 0])),
        ('same-k4', "pads 'same' with an even kernel 4 (padding='same')", P(1, 2, [7], 2, [4], same=True)),
        ('same-stride2-dilation2', "pads 'same' at stride 2 with dilation 2 on length 9 (SAME_UPPER via F.pad)", P(1, 2, [9], 2, [3], stride=[2], dilation=[2], same=True)),
        ('circular-p2', 'circular padding 2 on both ends, kernel 5', P(1, 2, [6], 2, [5], pads=[2, 2], mode='circular')),
        ('circular-asymmetric-stride2', 'circular pads [begin 1, end 3], stride 2', P(1, 1, [5], 2, [3], stride=[2], pads=[1, 3], mode='circular')),
        ('circular-same-depthwise', "circular with pads 'same', an even kernel, depthwise", P(1, 2, [5], 2, [4], groups=2, mode='circular', same=True)),
        ('k1-batch2', 'kernel size 1 mixing 3 channels into 2, batch 2 (no unrolling needed)', P(2, 3, [5], 2, [1])),
    ]
