"""Goldens for matmul: torch.matmul on matrices and on NumPy-broadcast batch axes."""
import torch

from common import case, randn, rng, write

g = rng(401)
cases = []
TOL = {'rtol': 1e-5, 'atol': 1e-5}  # float32 sums in a different order than PyTorch's BLAS


def add(name, description, a_shape, b_shape):
    a = randn(g, *a_shape)
    b = randn(g, *b_shape)
    cases.append(case(name, description, {}, [a, b], torch.matmul(a, b), tolerance=TOL))


add('matrix', '[3, 4] @ [4, 5]', (3, 4), (4, 5))
add('row-times-matrix', '[1, 6] @ [6, 2]', (1, 6), (6, 2))
add('long-k', '[2, 33] @ [33, 3]: k past a typical register block', (2, 33), (33, 3))
add('batch-times-matrix', '[2, 3, 4] @ [4, 5]: b shared by every batch item', (2, 3, 4), (4, 5))
add('matrix-times-batch', '[4, 5] @ [2, 5, 3]: a shared by every batch item', (4, 5), (2, 5, 3))
add('equal-batches', '[3, 2, 4] @ [3, 4, 2]', (3, 2, 4), (3, 4, 2))
add('broadcast-both', '[2, 1, 3, 4] @ [3, 4, 2] -> [2, 3, 3, 2]', (2, 1, 3, 4), (3, 4, 2))
add('broadcast-crossed', '[1, 3, 2, 4] @ [2, 1, 4, 3] -> [2, 3, 2, 3]', (1, 3, 2, 4), (2, 1, 4, 3))
add('size-1-batch-b', '[2, 3, 4] @ [1, 4, 2]', (2, 3, 4), (1, 4, 2))
write('matmul', cases, __file__)
