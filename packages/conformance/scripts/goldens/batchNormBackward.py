"""Goldens for batchNormBackward: autograd of F.batch_norm(training=True) (y depends on x also
through the batch mean and variance) with respect to x, scale and bias, for a random dy. The
op's inputs are (dy, x, scale, batch mean, BIASED batch variance). Computed in float64 from the
float32 inputs, then stored as float32."""
import torch
import torch.nn.functional as F

from common import case, randn, rng, write

g = rng(410)
cases = []


def add(name, description, shape, eps):
    c = shape[1]
    x = randn(g, *shape) * 2 + 0.5
    scale = randn(g, c)
    bias = randn(g, c)
    dy = randn(g, *shape)
    dims = [d for d in range(len(shape)) if d != 1]
    mean = x.double().mean(dim=dims).float()
    var = x.double().var(dim=dims, unbiased=False).float()
    xd, sd, bd = (t.double().requires_grad_() for t in (x, scale, bias))
    y = F.batch_norm(xd, None, None, sd, bd, training=True, eps=eps)
    y.backward(dy.double())
    cases.append(case(name, description, {'epsilon': eps}, [dy, x, scale, mean, var],
                      [xd.grad.float(), sd.grad.float(), bd.grad.float()]))


add('rank2', 'rank 2 [4, 3], eps 1e-5', [4, 3], 1e-5)
add('rank3', 'rank 3 [2, 3, 5], eps 1e-5', [2, 3, 5], 1e-5)
add('rank4', 'rank 4 [2, 4, 3, 3], eps 1e-5', [2, 4, 3, 3], 1e-5)
add('rank4-eps-1e-1', 'rank 4 [1, 2, 4, 4] with eps 0.1', [1, 2, 4, 4], 1e-1)
add('rank5', 'rank 5 [1, 2, 2, 2, 3], eps 1e-5', [1, 2, 2, 2, 3], 1e-5)
write('batchNormBackward', cases, __file__)
