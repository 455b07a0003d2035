"""Shared helpers for the gradient golden generators (grad_<op>.py).

Each generator differentiates L = sum_k sum(output_k * upstream_k) with torch.autograd (Debian's
python3-torch, independent of cnnkit) and writes src/cases/golden/grad_<op>.json, which
src/cases/gradients/<op>.ts loads with gradientGoldens(). Upstream values are drawn like the
inputs (seeded, float32), never all ones: sum(softmax) has a zero gradient, which proves nothing.
"""
import torch

from common import randn, tensor_json, write


def randn_shape(gen, shape):
    shape = tuple(shape)
    return randn(gen, *shape) if shape else randn(gen, 1).reshape(())


def grad_case(gen, name, description, attrs, inputs, wrt, fn, in_loss=None, tolerance=None):
    """fn(*inputs) returns one tensor or a tuple (one per op output). in_loss lists the outputs
    that enter L (default all); the others get a null upstream."""
    xs = [x.detach().clone() for x in inputs]
    for i in wrt:
        xs[i].requires_grad_(True)
    outs = fn(*xs)
    outs = list(outs) if isinstance(outs, (tuple, list)) else [outs]
    in_loss = range(len(outs)) if in_loss is None else in_loss
    upstream = [randn_shape(gen, o.shape) if k in in_loss else None for k, o in enumerate(outs)]
    loss = sum((o * u).sum() for o, u in zip(outs, upstream) if u is not None)
    grads = torch.autograd.grad(loss, [xs[i] for i in wrt])
    c = {
        'name': name,
        'description': description,
        'attrs': attrs,
        'inputs': [tensor_json(x) for x in inputs],
        'wrt': list(wrt),
        'upstream': [tensor_json(u) if u is not None else None for u in upstream],
        'expected': [tensor_json(g) for g in grads],
    }
    if tolerance:
        c['tolerance'] = tolerance
    return c


def write_grad(op, cases, generator):
    write(op, cases, generator, 'grad_' + op)
