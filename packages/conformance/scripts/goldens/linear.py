"""Goldens for linear: F.linear(x, weight[out, in], bias) with and without bias, x of rank 1 to 3."""
import torch.nn.functional as F

from common import case, randn, rng, write

g = rng(402)
cases = []
TOL = {'rtol': 1e-5, 'atol': 1e-5}  # float32 sums in a different order than PyTorch's BLAS


def add(name, description, x_shape, out_features, bias=True):
    x = randn(g, *x_shape)
    w = randn(g, out_features, x_shape[-1])
    inputs = [x, w]
    if bias:
        b = randn(g, out_features)
        inputs.append(b)
    y = F.linear(x, w, inputs[2] if bias else None)
    cases.append(case(name, description, {}, inputs, y, tolerance=TOL))


add('batch-bias', 'x [4, 5], weight [3, 5], bias [3]', (4, 5), 3)
add('batch-no-bias', 'x [4, 5], weight [3, 5], no bias', (4, 5), 3, bias=False)
add('vector-bias', 'x [6] (rank 1), weight [2, 6], bias [2]', (6,), 2)
add('sequence-bias', 'x [2, 3, 5] (leading axes kept), weight [4, 5], bias [4]', (2, 3, 5), 4)
add('sequence-no-bias', 'x [2, 3, 5], weight [4, 5], no bias', (2, 3, 5), 4, bias=False)
add('wide-in', 'x [3, 40], weight [5, 40], bias [5]: in past a typical register block', (3, 40), 5)
write('linear', cases, __file__)
