"""Gradient goldens for batchNorm (inference form, frozen statistics).

F.batch_norm(training=False) gives d/dx, d/dscale, d/dbias; PyTorch defines no derivative for
the running statistics, so the cases that also differentiate mean and var use the formula
(x - mean) / sqrt(var + eps) * scale + bias under torch.autograd instead."""
import torch
import torch.nn.functional as F

from common import randn, rng
from grad_common import grad_case, write_grad

g = rng(4109)
cases = []


def params(c):
    return [randn(g, c), randn(g, c), randn(g, c), torch.rand(c, generator=g) + 0.5]


def formula(eps):
    def fn(x, scale, bias, mean, var):
        shape = [1, -1] + [1] * (x.dim() - 2)
        return (x - mean.reshape(shape)) / torch.sqrt(var.reshape(shape) + eps) * scale.reshape(shape) + bias.reshape(shape)
    return fn


def torch_bn(eps):
    return lambda x, scale, bias, mean, var: F.batch_norm(x, mean, var, scale, bias, training=False, eps=eps)


cases.append(grad_case(g, 'nchw-x-scale-bias', 'F.batch_norm eval on [2, 3, 2, 2]: d/dx, d/dscale, d/dbias', {'epsilon': 1e-5},
                       [randn(g, 2, 3, 2, 2)] + params(3), [0, 1, 2], torch_bn(1e-5)))
cases.append(grad_case(g, 'nc-all-inputs', '[4, 3] with eps 0.1: every input, running mean and var included (formula)', {'epsilon': 0.1},
                       [randn(g, 4, 3)] + params(3), [0, 1, 2, 3, 4], formula(0.1)))
cases.append(grad_case(g, 'ncl-all-inputs', '[2, 2, 3] (N, C, L): every input (formula)', {'epsilon': 1e-5},
                       [randn(g, 2, 2, 3)] + params(2), [0, 1, 2, 3, 4], formula(1e-5)))

write_grad('batchNorm', cases, __file__)
