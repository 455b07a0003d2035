"""Goldens for slice (ONNX Slice, step 1): Python slicing x[s:e] along the listed axes, which
clamps out-of-range bounds and counts negative ones from the end exactly as ONNX does."""
import torch

from common import case, randint, randn, rng, write

g = rng(407)
cases = []


def add(name, description, x, starts, ends, axes=None):
    index = [slice(None)] * x.dim()
    for i, (s, e) in enumerate(zip(starts, ends)):
        axis = axes[i] if axes is not None else i
        index[axis] = slice(s, e)
    attrs = {'starts': starts, 'ends': ends}
    if axes is not None:
        attrs['axes'] = axes
    cases.append(case(name, description, attrs, [x], x[tuple(index)]))


add('leading-axes', 'axes defaulted to 0, 1: x[1:3, 0:2] of [4, 3, 2]', randn(g, 4, 3, 2), [1, 0], [3, 2])
add('inner-axis', 'axis 2 of NCHW [2, 3, 4, 5]: channels-style cut x[:, :, 1:3]', randn(g, 2, 3, 4, 5), [1], [3], [2])
add('negative-bounds', 'negative starts/ends count from the end: x[..., -3:-1] on axis -1', randn(g, 2, 5), [-3], [-1], [-1])
add('clamped', 'out-of-range bounds clamp: start -10 -> 0, end 100 -> size on two axes', randn(g, 3, 4), [-10, 2], [100, 100], [0, 1])
add('empty', 'start past end gives an empty axis: x[3:1]', randn(g, 5, 2), [3], [1], [0])
add('unordered-axes', 'axes listed out of order [2, 0]: x[1:, :, 0:2]', randn(g, 3, 2, 4), [0, 1], [2, 3], [2, 0])
add('int32', 'int32 data, x[1:3] of [4, 3]', randint(g, -100, 100, 4, 3), [1], [3], [0])
write('slice', cases, __file__)
