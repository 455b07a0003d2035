"""Gradient goldens for batchNormTraining: F.batch_norm(training=True) with batch statistics
(biased variance), d/dx, d/dscale, d/dbias of y. The batch mean and variance outputs feed the
running statistics, not the loss, so their upstream is null."""
import torch.nn.functional as F

from common import randn, rng
from grad_common import grad_case, write_grad

g = rng(4110)
cases = []


def add(name, description, x, eps):
    c = x.shape[1]

    def fn(x, scale, bias):
        y = F.batch_norm(x, None, None, scale, bias, training=True, eps=eps)
        dims = [0] + list(range(2, x.dim()))
        return y, x.mean(dim=dims), x.var(dim=dims, unbiased=False)

    cases.append(grad_case(g, name, description, {'epsilon': eps}, [x, randn(g, c), randn(g, c)], [0, 1, 2], fn, in_loss=[0]))


add('nchw', '[2, 3, 2, 2], eps 1e-5', randn(g, 2, 3, 2, 2), 1e-5)
add('nc', '[5, 3] (BatchNorm1d over features), eps 1e-3', randn(g, 5, 3), 1e-3)
add('ncl', '[3, 2, 4] (N, C, L), eps 0.1', randn(g, 3, 2, 4), 0.1)

write_grad('batchNormTraining', cases, __file__)
