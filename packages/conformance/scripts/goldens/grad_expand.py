"""Gradient goldens for expand (ONNX Expand = broadcast to broadcast(x.shape, shape)): dy summed
back over the broadcast axes."""
import torch

from common import randn, rng
from grad_common import grad_case, write_grad

g = rng(4142)


def expand(shape):
    def fn(x):
        return torch.broadcast_to(x, torch.broadcast_shapes(x.shape, tuple(shape)))
    return fn


cases = [
    grad_case(g, 'column-to-3d', '[3, 1] -> [2, 3, 4]', {'shape': [2, 3, 4]}, [randn(g, 3, 1)], [0], expand([2, 3, 4])),
    grad_case(g, 'shape-smaller-than-x', '[2, 1, 3] with shape [4, 1]: ONNX keeps the larger dims -> [2, 4, 3]', {'shape': [4, 1]},
              [randn(g, 2, 1, 3)], [0], expand([4, 1])),
]
write_grad('expand', cases, __file__)
