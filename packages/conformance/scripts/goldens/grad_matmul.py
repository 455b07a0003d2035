"""Gradient goldens for matmul: plain 2-D, batched, and batch axes broadcast on either side
(the broadcast operand's gradient sums over the batch it was repeated along)."""
import torch

from common import randn, rng
from grad_common import grad_case, write_grad

g = rng(4111)
cases = []


def add(name, description, a, b):
    cases.append(grad_case(g, name, description, {}, [a, b], [0, 1], torch.matmul))


add('2d', '[3, 4] @ [4, 2]', randn(g, 3, 4), randn(g, 4, 2))
add('batched', '[2, 3, 4] @ [2, 4, 2]', randn(g, 2, 3, 4), randn(g, 2, 4, 2))
add('broadcast-b', '[2, 2, 3, 4] @ [4, 2]: b shared by every batch entry', randn(g, 2, 2, 3, 4), randn(g, 4, 2))
add('broadcast-both', '[2, 1, 3, 2] @ [3, 2, 2] -> [2, 3, 3, 2]', randn(g, 2, 1, 3, 2), randn(g, 3, 2, 2))

write_grad('matmul', cases, __file__)
