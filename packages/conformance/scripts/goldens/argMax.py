"""Goldens for argMax: torch.argmax(x, dim, keepdim) -- the first index on ties, NaN counts as the
maximum (the first NaN wins)."""
import torch

from common import case, randn, rng, write

g = rng(314)
cases = []


def add(name, description, x, axis, keep, attrs=None):
    cases.append(case(name, description, attrs if attrs is not None else {'axis': axis, 'keepDims': keep},
                      [x], torch.argmax(x, dim=axis, keepdim=keep)))


add('last-axis-default', 'default axis (-1) of [3, 5], logits -> class', randn(g, 3, 5), -1, False, {})
add('axis0-keepdims', 'axis 0 of [4, 3], keepDims', randn(g, 4, 3), 0, True)
add('middle-axis', 'axis 1 of [2, 4, 3]', randn(g, 2, 4, 3), 1, False)
ties = torch.tensor([[[1., 3., 3., 0.], [2., 2., 2., 2.]], [[0., 0., 5., 5.], [-1., 4., -1., 4.]]])
add('ties-last-axis', 'ties along axis -1 of [2, 2, 4]: the first maximum', ties, -1, False)
add('ties-axis1', 'ties along axis 1 of [2, 2, 4]', ties, 1, True)
x = randn(g, 3, 4)
x[0, 3] = float('nan')
x[1, 1] = float('nan')
x[1, 2] = float('nan')
x[2] = float('-inf')
add('nan-and-inf', 'axis 1 of [3, 4]: NaN is the maximum (the first NaN); a row of -inf gives 0', x, 1, False)
write('argMax', cases, __file__)
