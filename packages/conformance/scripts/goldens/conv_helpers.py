"""Helpers shared by the convolution golden generators (conv1d.py, conv2d.py).

cnnkit's explicit pads are ONNX-ordered (all begins, then all ends) and may be asymmetric, and
'same' is ONNX SAME_UPPER for any stride; PyTorch's conv takes only symmetric padding and 'same'
only at stride 1. So those cases pad explicitly with F.pad (zeros, or mode='circular' for
padding_mode='circular') and then convolve without padding, which is what PyTorch's own Conv
modules do for padding_mode='circular'.
"""
import math

import torch.nn.functional as F


def same_pads(size, kernel, stride, dilation):
    """ONNX SAME_UPPER / PyTorch 'same': out = ceil(in / stride), odd unit at the end."""
    n = len(size)
    begins, ends = [], []
    for i in range(n):
        out = math.ceil(size[i] / stride[i])
        total = max((out - 1) * stride[i] + (kernel[i] - 1) * dilation[i] + 1 - size[i], 0)
        begins.append(total // 2)
        ends.append(total - total // 2)
    return begins + ends


def torch_pad(onnx_pads):
    """[b0, b1, e0, e1] (ONNX) -> (b_last, e_last, ..., b0, e0) (F.pad, last axis first)."""
    n = len(onnx_pads) // 2
    out = []
    for i in reversed(range(n)):
        out += [onnx_pads[i], onnx_pads[i + n]]
    return tuple(out)


def pad(x, onnx_pads, circular=False):
    if circular:
        return F.pad(x, torch_pad(onnx_pads), mode='circular')
    return F.pad(x, torch_pad(onnx_pads), mode='constant', value=0.0)
