"""Goldens for gatherBackward: autograd of gather (torch.index_select on the flattened indices,
reshaped to data.shape[:axis] + indices.shape + data.shape[axis+1:]; F.embedding for the axis-0
lookup) with respect to the data, for a random dy. Repeated indices accumulate. The op's inputs
are (dy, indices) and dataShape carries the data's shape. torch wants non-negative indices, so
negative ones are wrapped for torch and kept as given in the fixture. Computed in float64."""
import torch
import torch.nn.functional as F

from common import case, randn, rng, write

g = rng(435)
cases = []


def gather(data, indices, axis):
    axis = axis % data.dim()
    flat = torch.remainder(indices.reshape(-1).to(torch.int64), data.shape[axis])
    picked = torch.index_select(data, axis, flat)
    return picked.reshape(data.shape[:axis] + indices.shape + data.shape[axis + 1:])


def add(name, description, data_shape, indices, axis, lookup=gather):
    data = torch.zeros(*data_shape, dtype=torch.float64, requires_grad=True)
    y = lookup(data, indices, axis)
    dy = randn(g, *y.shape)
    y.backward(dy.double())
    cases.append(case(name, description, {'axis': axis, 'dataShape': list(data_shape)}, [dy, indices], data.grad.float()))


def embedding(data, indices, axis):
    return F.embedding(torch.remainder(indices.to(torch.int64), data.shape[0]), data)


add('embedding-repeats', 'F.embedding: [5, 3] table, [2, 4] token ids with repeats and negatives (rows accumulate)',
    [5, 3], torch.tensor([[0, 4, 4, 1], [-1, 2, 0, -5]], dtype=torch.int32), 0, embedding)
add('axis1', 'axis 1 of [2, 4, 3] with indices [3, -2, 0, 3]', [2, 4, 3], torch.tensor([3, -2, 0, 3], dtype=torch.int32), 1)
add('last-axis-2d-indices', 'axis -1 of [2, 3, 4] with [2, 2] indices, one repeated', [2, 3, 4],
    torch.tensor([[0, 3], [-1, 0]], dtype=torch.int32), -1)
add('scalar-index', 'axis 0 of [3, 2] with a rank-0 index: dy has no gathered axis', [3, 2], torch.tensor(2, dtype=torch.int32), 0)
add('all-same', 'every index the same row: the whole dy sums into it', [4, 2], torch.tensor([1, 1, 1, 1, 1], dtype=torch.int32), 0)
write('gatherBackward', cases, __file__)
