"""Goldens for expand (ONNX Expand): torch.broadcast_to(x, torch.broadcast_shapes(x.shape, shape)),
so a 1 in `shape` keeps x's dimension and `shape` may have fewer axes than x."""
import torch

from common import case, randint, randn, rng, write

g = rng(408)
cases = []


def add(name, description, x, shape):
    out = torch.broadcast_shapes(x.shape, tuple(shape))
    cases.append(case(name, description, {'shape': shape}, [x], torch.broadcast_to(x, out)))


add('column-to-matrix', '[3, 1] to [3, 4]', randn(g, 3, 1), [3, 4])
add('new-leading-axes', '[2, 3] to [2, 2, 3]: a new leading axis', randn(g, 2, 3), [2, 2, 3])
add('ones-keep-x', "[2, 1, 3] with shape [1, 4, 1]: 1s keep x's dims -> [2, 4, 3]", randn(g, 2, 1, 3), [1, 4, 1])
add('shorter-shape', '[2, 3, 1] with shape [5]: shape has fewer axes -> [2, 3, 5]', randn(g, 2, 3, 1), [5])
add('scalar', 'rank 0 to [2, 3]', randn(g, 1).reshape(()), [2, 3])
add('bias-to-nchw', 'a per-channel [1, 3, 1, 1] to [2, 3, 2, 2]', randn(g, 1, 3, 1, 1), [2, 3, 2, 2])
add('int32', 'int32 [1, 3] to [2, 3]', randint(g, -100, 100, 1, 3), [2, 3])
write('expand', cases, __file__)
