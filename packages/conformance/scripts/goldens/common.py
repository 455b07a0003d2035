"""Shared helpers for the PyTorch golden generators.

Each generator scripts/goldens/<op>.py computes expected outputs with PyTorch (Debian's
python3-torch, an implementation independent of cnnkit) and writes
src/cases/golden/<op>.json, which src/cases/ops/<op>.ts loads with goldenCases().
Inputs are drawn from a seeded generator and rounded to float32, so the fixture is reproducible
and the values the backend sees are exactly the values PyTorch saw.
"""
import json
import math
import os
import sys

import torch

HERE = os.path.dirname(os.path.abspath(__file__))
GOLDEN_DIR = os.path.normpath(os.path.join(HERE, '..', '..', 'src', 'cases', 'golden'))
REPO_ROOT = os.path.normpath(os.path.join(HERE, '..', '..', '..', '..'))


def rng(seed):
    g = torch.Generator()
    g.manual_seed(seed)
    return g


def randn(gen, *shape):
    return torch.randn(*shape, generator=gen, dtype=torch.float32)


def randint(gen, low, high, *shape):
    return torch.randint(low, high, shape, generator=gen, dtype=torch.int32)


def num(v):
    if isinstance(v, float):
        if math.isnan(v):
            return 'NaN'
        if math.isinf(v):
            return 'Infinity' if v > 0 else '-Infinity'
        # float32 values printed with 9 significant digits round-trip exactly.
        return float('%.9g' % v)
    return int(v)


def tensor_json(t):
    t = t.detach().contiguous()
    dtype = 'int32' if t.dtype in (torch.int32, torch.int64) else 'float32'
    values = t.to(torch.int64 if dtype == 'int32' else torch.float32).reshape(-1).tolist()
    return {'dtype': dtype, 'shape': list(t.shape), 'data': [num(v) for v in values]}


def case(name, description, attrs, inputs, expected, tolerance=None):
    c = {
        'name': name,
        'description': description,
        'attrs': attrs,
        'inputs': [tensor_json(x) for x in inputs],
        'expected': [tensor_json(y) for y in (expected if isinstance(expected, (list, tuple)) else [expected])],
    }
    if tolerance:
        c['tolerance'] = tolerance
    return c


def fixture_header(generator):
    """The fields every fixture starts with: the script that wrote it (generator is that script's
    __file__, named from the repo root) and the torch that computed it."""
    path = os.path.relpath(os.path.abspath(generator), REPO_ROOT)
    return {'generator': path.replace(os.sep, '/'), 'torch': torch.__version__}


def write_json(path, payload, note=''):
    """Compact JSON on one line plus a newline: the layout of every committed fixture."""
    with open(path, 'w') as f:
        json.dump(payload, f, separators=(',', ':'))
        f.write('\n')
    print('%s: %s%d bytes' % (path, note, os.path.getsize(path)), file=sys.stderr)


def write(op, cases, generator, name=None):
    """Writes src/cases/golden/<name>.json (name defaults to the op)."""
    os.makedirs(GOLDEN_DIR, exist_ok=True)
    path = os.path.join(GOLDEN_DIR, (name or op) + '.json')
    write_json(path, {**fixture_header(generator), 'op': op, 'cases': cases}, '%d cases, ' % len(cases))


def same_pads(size, kernel, stride, dilation=None):
    """ONNX SAME_UPPER / PyTorch 'same': out = ceil(in / stride), odd unit at the end."""
    n = len(size)
    dilation = dilation or [1] * n
    begins, ends = [], []
    for i in range(n):
        out = math.ceil(size[i] / stride[i])
        total = max((out - 1) * stride[i] + (kernel[i] - 1) * dilation[i] + 1 - size[i], 0)
        begins.append(total // 2)
        ends.append(total - total // 2)
    return begins + ends


def torch_pad(onnx_pads):
    """[b0, b1, e0, e1] (ONNX) -> (b_last, e_last, ..., b0, e0) (F.pad, last axis first)."""
    n = len(onnx_pads) // 2
    out = []
    for i in reversed(range(n)):
        out += [onnx_pads[i], onnx_pads[i + n]]
    return tuple(out)
