"""Shared shapes for the binary elementwise gradient goldens (add, sub, mul, div): broadcasting
on either side, so each gradient has to be summed back to its operand's shape."""
from common import randn
from grad_common import grad_case


def binary_grad_cases(g, fn, divisor=False):
    def right(*shape):
        b = randn(g, *shape) if shape else randn(g, 1).reshape(())
        return b.sign() * (b.abs() + 0.5) if divisor else b

    cases = []

    def add(name, description, a, b):
        cases.append(grad_case(g, name, description, {}, [a, b], [0, 1], fn))

    add('same-shape', 'equal shapes [2, 3]', randn(g, 2, 3), right(2, 3))
    add('trailing-vector', '[2, 3, 4] with [4]: b summed over the first two axes', randn(g, 2, 3, 4), right(4))
    add('both-broadcast', '[2, 1, 4] with [3, 1] -> [2, 3, 4]: both summed back', randn(g, 2, 1, 4), right(3, 1))
    add('scalar-rank0', '[3, 2] with a rank-0 scalar', randn(g, 3, 2), right())
    add('left-broadcast', '[1] with [2, 3]: a summed over everything', randn(g, 1), right(2, 3))
    return cases
