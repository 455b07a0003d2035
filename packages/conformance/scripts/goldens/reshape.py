"""Goldens for reshape: torch.reshape, with ONNX's -1 (inferred) and 0 (copy the input's dimension)
spelled in the attribute; torch is given the resolved shape."""
import torch

from common import case, randint, randn, rng, write

g = rng(301)
cases = []


def add(name, description, x, onnx_shape, torch_shape):
    cases.append(case(name, description, {'shape': onnx_shape}, [x], torch.reshape(x, torch_shape)))


add('nchw-to-nc-flat', '[2, 3, 2, 2] -> [2, -1] (flatten per sample)', randn(g, 2, 3, 2, 2), [2, -1], (2, -1))
add('zero-copies-dim', '[2, 3, 4] -> [0, 4, -1]: 0 keeps 2, -1 infers 3', randn(g, 2, 3, 4), [0, 4, -1], (2, 4, -1))
add('add-unit-axes', '[6] -> [1, 2, 1, 3]', randn(g, 6), [1, 2, 1, 3], (1, 2, 1, 3))
add('to-scalar', '[1, 1] -> [] (rank 0)', randn(g, 1, 1), [], ())
add('int32', 'int32 [3, 4] -> [-1, 6]', randint(g, -50, 50, 3, 4), [-1, 6], (-1, 6))
write('reshape', cases, __file__)
