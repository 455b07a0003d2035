"""Goldens for gather (ONNX Gather): torch.index_select on the flattened indices, reshaped to
data.shape[:axis] + indices.shape + data.shape[axis+1:], and F.embedding for the axis-0 lookup.
torch wants non-negative indices, so negative ones are wrapped for torch and kept as given in the
fixture."""
import torch
import torch.nn.functional as F

from common import case, randint, randn, rng, write

g = rng(305)
cases = []


def gather(data, indices, axis):
    axis = axis % data.dim()
    size = data.shape[axis]
    flat = torch.remainder(indices.reshape(-1).to(torch.int64), size)
    picked = torch.index_select(data, axis, flat)
    return picked.reshape(data.shape[:axis] + indices.shape + data.shape[axis + 1:])


def add(name, description, data, indices, axis):
    cases.append(case(name, description, {'axis': axis}, [data, indices], gather(data, indices, axis)))


# Embedding lookup: a [5, 3] table, a batch of 2 sequences of 4 token ids (repeats, negatives).
table = randn(g, 5, 3)
tokens = torch.tensor([[0, 4, 4, 1], [-1, 2, 0, -5]], dtype=torch.int32)
expected = F.embedding(torch.remainder(tokens.to(torch.int64), 5), table)
cases.append(case('embedding', 'F.embedding: [5, 3] table, [2, 4] token ids with repeats and negatives',
                  {'axis': 0}, [table, tokens], expected))

add('axis1', 'axis 1 of [2, 4, 3] with indices [3, -2, 0]', randn(g, 2, 4, 3), torch.tensor([3, -2, 0], dtype=torch.int32), 1)
add('last-axis-2d-indices', 'axis -1 of [2, 3, 4] with [2, 2] indices', randn(g, 2, 3, 4),
    torch.tensor([[0, 3], [-1, 1]], dtype=torch.int32), -1)
add('scalar-index', 'axis 0 of [3, 2] with a rank-0 index: the axis disappears', randn(g, 3, 2),
    torch.tensor(2, dtype=torch.int32), 0)
add('int32-data', 'int32 data [4, 2], axis 0, indices [1, 1, -4]', randint(g, -50, 50, 4, 2),
    torch.tensor([1, 1, -4], dtype=torch.int32), 0)
write('gather', cases, __file__)
