"""Goldens for concat: torch.cat along every kind of axis, 1 to 4 inputs, float32 and int32."""
import torch

from common import case, randint, randn, rng, write

g = rng(304)
cases = []


def add(name, description, xs, axis):
    cases.append(case(name, description, {'axis': axis}, xs, torch.cat(xs, axis)))


add('channels-3-inputs', 'NCHW channels: [2, 1, 2, 2] + [2, 3, 2, 2] + [2, 2, 2, 2] on axis 1',
    [randn(g, 2, 1, 2, 2), randn(g, 2, 3, 2, 2), randn(g, 2, 2, 2, 2)], 1)
add('batch', 'axis 0: [1, 3] + [2, 3]', [randn(g, 1, 3), randn(g, 2, 3)], 0)
add('last-negative', 'axis -1: [2, 2, 3] + [2, 2, 1] + [2, 2, 2] + [2, 2, 1]',
    [randn(g, 2, 2, 3), randn(g, 2, 2, 1), randn(g, 2, 2, 2), randn(g, 2, 2, 1)], -1)
add('single-input', 'one input: a copy', [randn(g, 2, 3)], 1)
add('int32', 'int32 [2, 2] + [2, 3] on axis 1', [randint(g, -50, 50, 2, 2), randint(g, -50, 50, 2, 3)], 1)
write('concat', cases, __file__)
