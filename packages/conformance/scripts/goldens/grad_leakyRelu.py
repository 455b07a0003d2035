"""Gradient goldens for leakyRelu, exact zeros included: PyTorch's slope at 0 is alpha."""
import torch.nn.functional as F

from common import randn, rng
from grad_common import grad_case, write_grad

g = rng(4121)
x = randn(g, 2, 5)
x[0, 2] = 0.0
cases = [
    grad_case(g, 'alpha-0.2', 'alpha 0.2 on [2, 5] with an exact zero (slope alpha there)', {'alpha': 0.2}, [x], [0],
              lambda x: F.leaky_relu(x, 0.2)),
    grad_case(g, 'default-alpha', 'attrs omitted: alpha 0.01', {}, [randn(g, 3, 2)], [0], F.leaky_relu),
]
write_grad('leakyRelu', cases, __file__)
