"""Shared cases for the reduction goldens (reduceSum, reduceMean, reduceMax): one axis, several
(adjacent and interleaved), negative axes, every axis (empty axes), each with and without keepdim."""
from common import case, randn


def reduce_cases(g, fn):
    """fn(x, dims, keepdim) with dims a tuple of axes; () means every axis."""
    cases = []

    def add(name, description, x, axes, keep):
        dims = tuple(axes) if axes else tuple(range(x.dim()))
        cases.append(case(name, description, {'axes': list(axes), 'keepDims': keep}, [x], fn(x, dims, keep)))

    add('one-axis', 'axis 1 of [3, 4]', randn(g, 3, 4), [1], False)
    add('one-axis-keepdims', 'axis 0 of [3, 4], keepDims', randn(g, 3, 4), [0], True)
    add('spatial-nchw', 'axes [2, 3] of [2, 3, 2, 3] (global pool), keepDims', randn(g, 2, 3, 2, 3), [2, 3], True)
    add('interleaved', 'axes [0, 2] of [2, 3, 4] (per-channel over N and L)', randn(g, 2, 3, 4), [0, 2], False)
    add('interleaved-nhw', 'axes [0, 2, 3] of [2, 3, 2, 2] (batch-norm statistics), keepDims', randn(g, 2, 3, 2, 2), [0, 2, 3], True)
    add('negative-axes', 'axes [-1, -3] of [2, 3, 4]', randn(g, 2, 3, 4), [-1, -3], False)
    add('all', 'every axis of [2, 3, 4] (empty axes)', randn(g, 2, 3, 4), [], False)
    add('all-keepdims', 'every axis of [2, 3], keepDims', randn(g, 2, 3), [], True)
    add('long-row', 'axis 1 of [2, 300]', randn(g, 2, 300), [1], False)
    return cases
