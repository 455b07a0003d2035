"""Goldens for conv2dBackwardInput: dx = autograd of the forward conv2d with respect to x, for a
random dy; the op's inputs are (dy, weight) and inputSize carries x's spatial size. See
conv_grad_helpers.py for how each padding is built and the tolerance."""
from common import case, rng, write
from conv_grad_helpers import TOLERANCE, problems

g = rng(411 + 2)
cases = []
for name, description, p in problems(g, 2):
    attrs = dict(p.attrs(), inputSize=p.size)
    cases.append(case(name, description, attrs, [p.dy, p.w], p.dx, TOLERANCE))
write('conv2dBackwardInput', cases, __file__)
