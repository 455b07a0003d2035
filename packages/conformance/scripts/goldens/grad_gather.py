"""Gradient goldens for gather: the embedding gradient, repeated indices adding up (negative
indices wrapped for torch, kept as given in the fixture); indices get no gradient."""
import torch
import torch.nn.functional as F

from common import randn, rng
from grad_common import grad_case, write_grad

g = rng(4130)


def gather(data, indices, axis):
    axis = axis % data.dim()
    flat = torch.remainder(indices.reshape(-1).to(torch.int64), data.shape[axis])
    picked = torch.index_select(data, axis, flat)
    return picked.reshape(data.shape[:axis] + indices.shape + data.shape[axis + 1:])


tokens = torch.tensor([[0, 3, 3, 1], [-1, 3, 0, 0]], dtype=torch.int32)
cases = [
    grad_case(g, 'embedding-repeats', 'F.embedding: [4, 3] table, token 3 three times, 0 three times (-1 is 3)', {'axis': 0},
              [randn(g, 4, 3), tokens], [0], lambda w, ids: F.embedding(torch.remainder(ids.to(torch.int64), 4), w)),
    grad_case(g, 'axis1-repeats', 'axis 1 of [2, 4, 2] with [3, -1, 3, 0]', {'axis': 1},
              [randn(g, 2, 4, 2), torch.tensor([3, -1, 3, 0], dtype=torch.int32)], [0], lambda d, i: gather(d, i, 1)),
]
write_grad('gather', cases, __file__)
