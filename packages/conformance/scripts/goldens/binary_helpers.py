"""Shared shapes for the binary elementwise goldens (add, sub, mul, div): NumPy broadcasting
over equal shapes, a trailing vector, axes broadcast on both sides, a rank-0 scalar, a one-element
left operand, and int32 operands."""
import torch

from common import case, randint, randn


def float_broadcast_cases(g, fn, divisor=False):
    """Float32 cases. With divisor=True the right operand is kept away from zero."""

    def right(*shape):
        b = randn(g, *shape) if shape else randn(g, 1).reshape(())  # torch.randn() needs a size
        return b.sign() * (b.abs() + 0.5) if divisor else b

    cases = []

    def add(name, description, a, b):
        cases.append(case(name, description, {}, [a, b], fn(a, b)))

    add('same-shape', 'equal shapes [2, 3, 4]', randn(g, 2, 3, 4), right(2, 3, 4))
    add('trailing-vector', '[2, 3, 4] with [4]', randn(g, 2, 3, 4), right(4))
    add('both-broadcast', '[2, 1, 4] with [3, 1] -> [2, 3, 4]', randn(g, 2, 1, 4), right(3, 1))
    add('middle-axis', '[2, 3, 4] with [3, 1]', randn(g, 2, 3, 4), right(3, 1))
    add('scalar-rank0', '[3, 2] with a rank-0 scalar []', randn(g, 3, 2), right())
    add('one-element-left', '[1] with [2, 3]: the left operand broadcasts', randn(g, 1), right(2, 3))
    add('rank4-nchw-bias', '[2, 3, 2, 2] with [1, 3, 1, 1] (per-channel)', randn(g, 2, 3, 2, 2), right(1, 3, 1, 1))
    return cases


def int_broadcast_case(g, fn, nonzero=False):
    a = randint(g, -50, 50, 2, 3)
    b = randint(g, -50, 50, 3)
    if nonzero:
        b = torch.where(b == 0, torch.tensor(7, dtype=torch.int32), b)
    return case('int32-broadcast', 'int32 [2, 3] with [3]', {}, [a, b], fn(a, b))
