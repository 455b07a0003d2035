"""Helpers shared by the pooling golden generators: ONNX-ordered pads emulated in PyTorch.

cnnkit's explicit pads are ONNX-ordered (all begins, then all ends) and may be asymmetric;
PyTorch's pooling only takes symmetric padding. So an asymmetric case pads explicitly with
F.pad (value -inf for max, which never wins; zeros for an average that counts the padding)
and then pools without padding, which is the same computation when ceil_mode is off.
"""
import math

import torch.nn.functional as F


def same_pads(size, kernel, stride, dilation=None):
    """ONNX SAME_UPPER / PyTorch 'same': out = ceil(in / stride), odd unit at the end."""
    n = len(size)
    dilation = dilation or [1] * n
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


def pad(x, onnx_pads, value):
    return F.pad(x, torch_pad(onnx_pads), mode='constant', value=value)
