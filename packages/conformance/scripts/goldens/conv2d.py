"""Goldens for conv2d: F.conv2d over stride, explicit / asymmetric / 'same' / circular padding,
dilation, groups (2 and depthwise), bias or none, batch 2 and a 1x1 kernel.

Asymmetric explicit pads, strided 'same' and circular padding are applied with F.pad before a
valid convolution (see conv_helpers.py); stride-1 'same' uses PyTorch's own padding='same'.
Sums here are at most 3 * 3 * 3 = 27 products long, so the default tolerance holds.
"""
import warnings

import torch
import torch.nn.functional as F

from common import case, randn, rng, write
from conv_helpers import pad, same_pads

# padding='same' with an even kernel warns that it copies the input; that is expected here.
warnings.filterwarnings('ignore', message="Using padding='same'")

g = rng(2031)
cases = []


def attrs(stride=(1, 1), pads='valid', dilation=(1, 1), groups=1, mode='zeros'):
    return {'strides': list(stride), 'pads': pads if isinstance(pads, str) else list(pads),
            'dilations': list(dilation), 'groups': groups, 'paddingMode': mode}


def add(name, description, n, c, h, w, o, k, stride=(1, 1), pads=(0, 0, 0, 0), dilation=(1, 1), groups=1,
        bias=True, mode='zeros', same=False):
    """pads are ONNX [top, left, bottom, right]; same=True records pads 'same' and derives them."""
    x = randn(g, n, c, h, w)
    weight = randn(g, o, c // groups, k[0], k[1])
    b = randn(g, o) if bias else None
    if same:
        explicit = same_pads([h, w], k, stride, dilation)
    else:
        explicit = list(pads)
    circular = mode == 'circular'
    if same and stride == (1, 1) and not circular:
        y = F.conv2d(x, weight, b, stride, 'same', dilation, groups)
    elif not circular and explicit[0] == explicit[2] and explicit[1] == explicit[3]:
        y = F.conv2d(x, weight, b, stride, (explicit[0], explicit[1]), dilation, groups)
    else:
        y = F.conv2d(pad(x, explicit, circular), weight, b, stride, 0, dilation, groups)
    inputs = [x, weight] + ([b] if bias else [])
    cases.append(case(name, description, attrs(stride, 'same' if same else explicit, dilation, groups, mode), inputs, y))


add('k3-p1', '3x3 kernel, pad 1, 2 -> 2 channels, with bias', 1, 2, 4, 4, 2, (3, 3), pads=(1, 1, 1, 1))
add('k3-valid-no-bias', '3x3 kernel, no padding, no bias', 1, 2, 4, 5, 2, (3, 3), bias=False)
add('stride2-p1', '3x3 kernel, stride 2, pad 1 on 7x7', 1, 1, 7, 7, 2, (3, 3), stride=(2, 2), pads=(1, 1, 1, 1))
add('dilation2', '3x3 kernel dilated by 2 (covers 5x5), pad 2', 1, 1, 5, 5, 2, (3, 3), pads=(2, 2, 2, 2), dilation=(2, 2))
add('rect-stride1x2-dilation2x1', '2x3 kernel, stride (1, 2), dilation (2, 1), pads [1, 0, 1, 0]', 1, 1, 6, 7, 2, (2, 3),
    stride=(1, 2), pads=(1, 0, 1, 0), dilation=(2, 1))
add('groups2', 'groups 2: 4 -> 4 channels, each output sees only its half of the input', 1, 4, 3, 3, 4, (3, 3), pads=(1, 1, 1, 1), groups=2)
add('depthwise', 'depthwise: groups = channels = 3, channel multiplier 2, pad 1', 1, 3, 3, 4, 6, (3, 3), pads=(1, 1, 1, 1), groups=3)
add('groups2-stride2-dilation2', 'groups 2 with stride 2, dilation 2 and pad 2 at once', 1, 4, 5, 5, 2, (2, 2),
    stride=(2, 2), pads=(2, 2, 2, 2), dilation=(2, 2), groups=2)
add('batch2', 'batch of 2, 3x3 kernel, pad 1', 2, 2, 3, 3, 2, (3, 3), pads=(1, 1, 1, 1))
add('1x1', '1x1 kernel mixing 3 channels into 2, batch 2', 2, 3, 3, 3, 2, (1, 1))
add('1x1-stride2', '1x1 kernel with stride 2 (subsamples before mixing)', 1, 2, 5, 5, 2, (1, 1), stride=(2, 2), bias=False)
add('asymmetric-pads', 'pads [top 0, left 2, bottom 1, right 0] (F.pad + valid conv)', 1, 1, 4, 5, 2, (3, 3), pads=(0, 2, 1, 0))
add('same-k4', "pads 'same' with an even 4x4 kernel: total 3, 1 before and 2 after (padding='same')", 1, 1, 5, 5, 2, (4, 4), same=True)
add('same-dilation2', "pads 'same' with a 3x3 kernel dilated by 2 (padding='same')", 1, 1, 5, 6, 2, (3, 3), dilation=(2, 2), same=True)
add('same-stride2', "pads 'same' at stride 2 on 6x7 (SAME_UPPER pads [0, 1, 1, 1] via F.pad)", 1, 1, 6, 7, 2, (3, 3), stride=(2, 2), same=True)
add('circular-p1', 'circular padding 1 all round (F.pad circular)', 1, 1, 4, 5, 2, (3, 3), pads=(1, 1, 1, 1), mode='circular')
add('circular-asymmetric', 'circular pads [top 2, left 0, bottom 1, right 3], stride 2', 1, 1, 4, 4, 2, (3, 3),
    stride=(2, 2), pads=(2, 0, 1, 3), mode='circular')
add('circular-same-dilation2', "circular with pads 'same' and dilation 2", 1, 1, 5, 5, 2, (3, 3), dilation=(2, 2), same=True, mode='circular')
add('circular-depthwise', 'circular padding 1 on a depthwise conv', 1, 2, 4, 4, 2, (3, 3), pads=(1, 1, 1, 1), groups=2, mode='circular')

# padding_mode='circular' as PyTorch's own module does it, as a check of the F.pad emulation above.
conv = torch.nn.Conv2d(2, 2, 3, padding=1, padding_mode='circular')
with torch.no_grad():
    conv.weight.copy_(randn(g, 2, 2, 3, 3))
    conv.bias.copy_(randn(g, 2))
    x = randn(g, 1, 2, 3, 4)
    y = conv(x)
cases.append(case('circular-nn-conv2d', "nn.Conv2d(padding=1, padding_mode='circular') on 3x4", attrs(pads=(1, 1, 1, 1), mode='circular'),
                  [x, conv.weight, conv.bias], y))

write('conv2d', cases, __file__)
