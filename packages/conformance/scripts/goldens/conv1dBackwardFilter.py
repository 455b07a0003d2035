"""Goldens for conv1dBackwardFilter: dweight = autograd of the forward conv1d with respect to its
weight, for a random dy; the op's inputs are (x, dy) and kernelSize carries the weight's spatial
size. See conv_grad_helpers.py for how each padding is built and the tolerance."""
from common import case, rng, write
from conv_grad_helpers import TOLERANCE, problems

g = rng(421 + 1)
cases = []
for name, description, p in problems(g, 1):
    attrs = dict(p.attrs(), kernelSize=p.kernel)
    cases.append(case(name, description, attrs, [p.x, p.dy], p.dw, TOLERANCE))
write('conv1dBackwardFilter', cases, __file__)
