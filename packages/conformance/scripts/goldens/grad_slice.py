"""Gradient goldens for slice (ONNX Slice, step 1): dy lands in the kept range, zeros elsewhere.
Bounds follow ONNX (negative from the end, clamped), converted to Python slices here."""
from common import randn, rng
from grad_common import grad_case, write_grad

g = rng(4141)


def bounds(start, end, size):
    def clamp(v):
        return min(max(v + size if v < 0 else v, 0), size)
    s = clamp(start)
    return s, max(clamp(end), s)


def onnx_slice(starts, ends, axes):
    def fn(x):
        index = [slice(None)] * x.dim()
        for s, e, a in zip(starts, ends, axes):
            lo, hi = bounds(s, e, x.shape[a])
            index[a] = slice(lo, hi)
        return x[tuple(index)]
    return fn


def add(name, description, x, starts, ends, axes):
    cases.append(grad_case(g, name, description, {'starts': starts, 'ends': ends, 'axes': axes}, [x], [0], onnx_slice(starts, ends, [a % x.dim() for a in axes])))


cases = []
add('middle', 'x[:, 1:3] of [2, 4]', randn(g, 2, 4), [1], [3], [1])
add('two-axes-negative', 'axes [0, -1] with starts [1, -3], ends [3, -1] on [3, 2, 4]', randn(g, 3, 2, 4), [1, -3], [3, -1], [0, -1])
add('clamped', 'ends past the end clamp: x[2:100] of [5, 2]', randn(g, 5, 2), [2], [100], [0])
write_grad('slice', cases, __file__)
