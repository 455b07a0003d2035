"""Shared inputs for the softmax and logSoftmax goldens: several axes (positive, negative, default),
large magnitudes where a naive exp overflows, and -inf entries (a row of only -inf is NaN in torch)."""
import torch

from common import case, randn


def softmax_cases(g, fn):
    """fn(x, dim) is torch.softmax or torch.log_softmax."""
    cases = []

    def add(name, description, x, axis):
        attrs = {} if axis is None else {'axis': axis}
        cases.append(case(name, description, attrs, [x], fn(x, -1 if axis is None else axis)))

    x = randn(g, 2, 3, 4)
    add('axis-last', '[2, 3, 4] along axis -1', x, -1)
    add('axis-0', '[2, 3, 4] along axis 0', x, 0)
    add('axis-1', '[2, 3, 4] along axis 1 (a middle axis)', x, 1)
    add('axis-default', 'attrs omitted: the op default axis -1', randn(g, 3, 5), None)
    add('nchw-channels', '[1, 3, 2, 2] along the channel axis 1', randn(g, 1, 3, 2, 2), 1)
    add('large-magnitude', 'values of order 1e3 where exp overflows without the max shift', randn(g, 2, 5) * 1000, -1)
    add('large-magnitude-axis-0', 'values of order 1e3 along axis 0', randn(g, 4, 3) * 1000, 0)
    inf = float('inf')
    x = torch.tensor([[-1e4, 1e4, 0.0, 1e4 - 1], [1e4, 1e4, 1e4, 1e4]])
    add('plus-minus-1e4', '+-1e4 rows: the max entries take all the mass, ties split it', x, -1)
    x = torch.tensor([[0.0, -inf, 1.0, 2.0], [-inf, -inf, -inf, -inf], [3.0, 3.0, -inf, 3.0]])
    add('neg-inf-rows', '-inf entries get probability 0; a row of only -inf is NaN', x, -1)
    x = torch.tensor([[-inf, 1.0], [-inf, 2.0], [-inf, -inf]])
    add('neg-inf-axis-0', 'along axis 0: an all -inf column is NaN, a partial one is not', x, 0)
    return cases
