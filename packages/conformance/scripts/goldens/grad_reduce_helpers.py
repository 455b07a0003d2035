"""Shared axes for the reduction gradient goldens (reduceSum, reduceMean): one axis, interleaved
axes, negative axes and every axis, with and without keepdim."""
from common import randn
from grad_common import grad_case


def reduce_grad_cases(g, fn):
    """fn(x, dims, keepdim) with dims a tuple of axes."""
    cases = []

    def add(name, description, x, axes, keep):
        dims = tuple(axes) if axes else tuple(range(x.dim()))
        cases.append(grad_case(g, name, description, {'axes': list(axes), 'keepDims': keep}, [x], [0], lambda x: fn(x, dims, keep)))

    add('one-axis', 'axis 1 of [3, 4]', randn(g, 3, 4), [1], False)
    add('interleaved-keepdims', 'axes [0, 2] of [2, 3, 4], keepDims', randn(g, 2, 3, 4), [0, 2], True)
    add('negative-axes', 'axes [-1, -3] of [2, 3, 2]', randn(g, 2, 3, 2), [-1, -3], False)
    add('all', 'every axis of [2, 3] (empty axes): a scalar', randn(g, 2, 3), [], False)
    return cases
