"""Gradient goldens for conv2d: d/dx, d/dweight, d/dbias of F.conv2d over stride, padding
(explicit, asymmetric, 'same', circular), dilation and groups. Padding is applied with F.pad
before a valid convolution (conv_helpers.py), so autograd differentiates through it too."""
import torch.nn.functional as F

from common import randn, rng, same_pads
from conv_helpers import pad
from grad_common import grad_case, write_grad

g = rng(4101)
cases = []


def add(name, description, n, c, h, w, o, k, stride=(1, 1), pads=(0, 0, 0, 0), dilation=(1, 1), groups=1,
        bias=True, mode='zeros', same=False):
    explicit = same_pads([h, w], k, stride, dilation) if same else list(pads)
    attrs = {'strides': list(stride), 'pads': 'same' if same else explicit, 'dilations': list(dilation),
             'groups': groups, 'paddingMode': mode}
    inputs = [randn(g, n, c, h, w), randn(g, o, c // groups, k[0], k[1])] + ([randn(g, o)] if bias else [])

    def fn(x, weight, b=None):
        return F.conv2d(pad(x, explicit, mode == 'circular'), weight, b, stride, 0, dilation, groups)

    cases.append(grad_case(g, name, description, attrs, inputs, list(range(len(inputs))), fn))


add('k3-p1', '3x3, pad 1, 2 -> 2 channels, batch 2, with bias', 2, 2, 4, 4, 2, (3, 3), pads=(1, 1, 1, 1))
add('valid-no-bias', '3x3, no padding, no bias (2 inputs)', 1, 2, 4, 5, 2, (3, 3), bias=False)
add('stride2-p1', '3x3, stride 2, pad 1 on 5x6 (rows and columns the windows skip get no gradient)', 1, 1, 5, 6, 2, (3, 3),
    stride=(2, 2), pads=(1, 1, 1, 1))
add('dilation2', '3x3 dilated by 2, pad 2', 1, 1, 5, 5, 2, (3, 3), pads=(2, 2, 2, 2), dilation=(2, 2))
add('groups2', 'groups 2: 4 -> 4 channels', 1, 4, 3, 3, 4, (3, 3), pads=(1, 1, 1, 1), groups=2)
add('depthwise', 'depthwise: groups = channels = 3, multiplier 2', 1, 3, 3, 4, 6, (3, 3), pads=(1, 1, 1, 1), groups=3)
add('asymmetric-pads', 'pads [top 0, left 2, bottom 1, right 0], stride (1, 2)', 1, 1, 4, 5, 2, (3, 3), stride=(1, 2), pads=(0, 2, 1, 0))
add('same-stride2', "pads 'same' at stride 2 on 6x7 (SAME_UPPER [0, 1, 1, 1])", 1, 1, 6, 7, 2, (3, 3), stride=(2, 2), same=True)
add('circular-p1', 'circular padding 1: wrapped-around positions get their gradient back', 1, 2, 4, 5, 2, (3, 3), pads=(1, 1, 1, 1), mode='circular')
add('circular-asymmetric-stride2', 'circular pads [top 2, left 0, bottom 1, right 3], stride 2', 1, 1, 4, 4, 2, (3, 3),
    stride=(2, 2), pads=(2, 0, 1, 3), mode='circular')
add('1x1-stride2', '1x1 kernel at stride 2, no bias', 1, 2, 5, 5, 3, (1, 1), stride=(2, 2), bias=False)

write_grad('conv2d', cases, __file__)
