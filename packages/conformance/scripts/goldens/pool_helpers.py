"""Helpers shared by the pooling golden generators: ONNX-ordered pads emulated in PyTorch.

cnnkit's explicit pads are ONNX-ordered (all begins, then all ends) and may be asymmetric;
PyTorch's pooling only takes symmetric padding. So an asymmetric case pads explicitly with
F.pad (value -inf for max, which never wins; zeros for an average that counts the padding)
and then pools without padding, which is the same computation when ceil_mode is off.
"""
import math

import torch.nn.functional as F

from common import same_pads, torch_pad  # noqa: F401 (re-exported for the generators)


def pad(x, onnx_pads, value):
    return F.pad(x, torch_pad(onnx_pads), mode='constant', value=value)
