"""Goldens for conv1d: F.conv1d over stride, explicit / asymmetric / 'same' / circular padding,
dilation, groups (2 and depthwise), bias or none, batch 2, kernel size 1 and a TextCNN-shaped case.

Asymmetric explicit pads, strided 'same' and circular padding are applied with F.pad before a
valid convolution (see conv_helpers.py); stride-1 'same' uses PyTorch's own padding='same'.
The longest sum is the TextCNN case's 8 channels * 5 taps = 40 products: the default tolerance holds.
"""
import warnings

import torch
import torch.nn.functional as F

from common import case, randn, rng, write
from conv_helpers import pad, same_pads

# padding='same' with an even kernel warns that it copies the input; that is expected here.
warnings.filterwarnings('ignore', message="Using padding='same'")

g = rng(2032)
cases = []


def attrs(stride=1, pads='valid', dilation=1, groups=1, mode='zeros'):
    return {'strides': [stride], 'pads': pads if isinstance(pads, str) else list(pads),
            'dilations': [dilation], 'groups': groups, 'paddingMode': mode}


def add(name, description, n, c, length, o, k, stride=1, pads=(0, 0), dilation=1, groups=1, bias=True, mode='zeros', same=False):
    """pads are ONNX [begin, end]; same=True records pads 'same' and derives them."""
    x = randn(g, n, c, length)
    weight = randn(g, o, c // groups, k)
    b = randn(g, o) if bias else None
    explicit = same_pads([length], [k], [stride], [dilation]) if same else list(pads)
    circular = mode == 'circular'
    if same and stride == 1 and not circular:
        y = F.conv1d(x, weight, b, stride, 'same', dilation, groups)
    elif not circular and explicit[0] == explicit[1]:
        y = F.conv1d(x, weight, b, stride, explicit[0], dilation, groups)
    else:
        y = F.conv1d(pad(x, explicit, circular), weight, b, stride, 0, dilation, groups)
    inputs = [x, weight] + ([b] if bias else [])
    cases.append(case(name, description, attrs(stride, 'same' if same else explicit, dilation, groups, mode), inputs, y))


add('k3-p1', 'kernel 3, pad 1, 2 -> 3 channels, with bias', 1, 2, 8, 3, 3, pads=(1, 1))
add('k3-valid-no-bias', 'kernel 3, no padding, no bias', 1, 3, 7, 2, 3, bias=False)
add('stride2-p2', 'kernel 4, stride 2, pad 2', 1, 2, 9, 2, 4, stride=2, pads=(2, 2))
add('dilation2', 'kernel 3 dilated by 2 (covers 5), pad 2', 1, 2, 8, 2, 3, pads=(2, 2), dilation=2)
add('stride3-dilation2', 'kernel 2, stride 3, dilation 2, pad 1', 1, 1, 11, 2, 2, stride=3, pads=(1, 1), dilation=2)
add('groups2', 'groups 2: 4 -> 4 channels, each output sees only its half of the input', 1, 4, 6, 4, 3, pads=(1, 1), groups=2)
add('depthwise', 'depthwise: groups = channels = 3, channel multiplier 2', 1, 3, 7, 6, 3, pads=(1, 1), groups=3)
add('batch2', 'batch of 2, kernel 3, pad 1', 2, 2, 6, 2, 3, pads=(1, 1))
add('k1', 'kernel size 1 mixing 3 channels into 2, batch 2', 2, 3, 5, 2, 1)
add('asymmetric-pads', 'pads [begin 3, end 0] (F.pad + valid conv)', 1, 2, 6, 2, 3, pads=(3, 0))
add('same-k4', "pads 'same' with an even kernel 4: total 3, 1 before and 2 after (padding='same')", 1, 2, 7, 2, 4, same=True)
add('same-stride2-dilation2', "pads 'same' at stride 2 with dilation 2 on length 9 (SAME_UPPER via F.pad)", 1, 2, 9, 2, 3, stride=2, dilation=2, same=True)
add('circular-p2', 'circular padding 2 on both ends (F.pad circular)', 1, 2, 6, 2, 5, pads=(2, 2), mode='circular')
add('circular-asymmetric-stride2', 'circular pads [begin 1, end 3], stride 2', 1, 1, 5, 2, 3, stride=2, pads=(1, 3), mode='circular')
add('circular-same', "circular with pads 'same' and an even kernel", 1, 2, 5, 2, 4, same=True, mode='circular')
add('textcnn', 'TextCNN-shaped: 8-dim embeddings over 12 tokens, 3 filters of width 5', 1, 8, 12, 3, 5)

# padding_mode='circular' as PyTorch's own module does it, as a check of the F.pad emulation above.
conv = torch.nn.Conv1d(2, 2, 3, padding=1, padding_mode='circular')
with torch.no_grad():
    conv.weight.copy_(randn(g, 2, 2, 3))
    conv.bias.copy_(randn(g, 2))
    x = randn(g, 1, 2, 5)
    y = conv(x)
cases.append(case('circular-nn-conv1d', "nn.Conv1d(padding=1, padding_mode='circular') on length 5", attrs(pads=(1, 1), mode='circular'),
                  [x, conv.weight, conv.bias], y))

write('conv1d', cases, __file__)
