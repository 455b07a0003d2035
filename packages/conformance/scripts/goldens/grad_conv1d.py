"""Gradient goldens for conv1d: d/dx, d/dweight, d/dbias of F.conv1d over stride, padding
(explicit, asymmetric, 'same', circular), dilation and groups, padding via F.pad."""
import torch.nn.functional as F

from common import randn, rng, same_pads
from conv_helpers import pad
from grad_common import grad_case, write_grad

g = rng(4102)
cases = []


def add(name, description, n, c, length, o, k, stride=1, pads=(0, 0), dilation=1, groups=1, bias=True, mode='zeros', same=False):
    explicit = same_pads([length], [k], [stride], [dilation]) if same else list(pads)
    attrs = {'strides': [stride], 'pads': 'same' if same else explicit, 'dilations': [dilation], 'groups': groups, 'paddingMode': mode}
    inputs = [randn(g, n, c, length), randn(g, o, c // groups, k)] + ([randn(g, o)] if bias else [])

    def fn(x, weight, b=None):
        return F.conv1d(pad(x, explicit, mode == 'circular'), weight, b, stride, 0, dilation, groups)

    cases.append(grad_case(g, name, description, attrs, inputs, list(range(len(inputs))), fn))


add('k3-p1', 'kernel 3, pad 1, 2 -> 3 channels, batch 2', 2, 2, 6, 3, 3, pads=(1, 1))
add('stride2-dilation2', 'kernel 3, stride 2, dilation 2, pads [2, 1], no bias', 1, 2, 9, 2, 3, stride=2, pads=(2, 1), dilation=2, bias=False)
add('groups2', 'groups 2: 4 -> 2 channels', 1, 4, 5, 2, 2, pads=(1, 0), groups=2)
add('same-stride3', "pads 'same' at stride 3 on length 8", 1, 1, 8, 2, 4, stride=3, same=True)
add('circular', 'circular pads [2, 1]', 1, 2, 5, 2, 3, pads=(2, 1), mode='circular')

write_grad('conv1d', cases, __file__)
