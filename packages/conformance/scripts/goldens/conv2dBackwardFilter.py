"""Goldens for conv2dBackwardFilter: dweight = autograd of the forward conv2d with respect to its
weight, for a random dy; the op's inputs are (x, dy) and kernelSize carries the weight's spatial
size. See conv_grad_helpers.py for how each padding is built and the tolerance."""
from common import case, rng, write
from conv_grad_helpers import TOLERANCE, problems

g = rng(421 + 2)
cases = []
for name, description, p in problems(g, 2):
    attrs = dict(p.attrs(), kernelSize=p.kernel)
    cases.append(case(name, description, attrs, [p.x, p.dy], p.dw, TOLERANCE))
write('conv2dBackwardFilter', cases, __file__)
