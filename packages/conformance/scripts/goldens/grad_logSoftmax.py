"""Gradient goldens for logSoftmax along the last axis, an inner axis and axis 0."""
import torch

from common import randn, rng
from grad_common import grad_case, write_grad

g = rng(4125)
cases = []
for axis, name in ((-1, 'axis-last'), (1, 'axis-1-inner'), (0, 'axis-0')):
    cases.append(grad_case(g, name, '[2, 3, 4] along axis %d' % axis, {'axis': axis}, [randn(g, 2, 3, 4)], [0],
                           lambda x, a=axis: torch.log_softmax(x, a)))
write_grad('logSoftmax', cases, __file__)
