"""Helpers shared by the convolution golden generators (conv1d.py, conv2d.py).

cnnkit's explicit pads are ONNX-ordered (all begins, then all ends) and may be asymmetric, and
'same' is ONNX SAME_UPPER for any stride; PyTorch's conv takes only symmetric padding and 'same'
only at stride 1. So those cases pad explicitly with F.pad (zeros, or mode='circular' for
padding_mode='circular') and then convolve without padding, which is what PyTorch's own Conv
modules do for padding_mode='circular'.
"""
import math

import torch.nn.functional as F

from common import same_pads, torch_pad  # noqa: F401 (re-exported for the generators)


def pad(x, onnx_pads, circular=False):
    if circular:
        return F.pad(x, torch_pad(onnx_pads), mode='circular')
    return F.pad(x, torch_pad(onnx_pads), mode='constant', value=0.0)
