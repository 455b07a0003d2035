"""Writes src/cases/golden/seeded-weights.json: values of seeded_weights.py that the TypeScript
twin (packages/core/src/zoo/seeded-weights.ts) must reproduce bit for bit.

    cd packages/conformance/scripts/models && /usr/bin/python3 make_seeded_fixture.py

The model is small torch.nn / torchvision pieces whose state-dict keys exercise every rule of the
recipe (conv, linear and embedding weights, biases, running statistics, norm scales, the last norm
of a BasicBlock and of a Bottleneck, num_batches_tracked); seededWeights.test.ts in conformance
builds the same keys from core's layers. Small tensors are written whole, the large linear
weight by samples; raw runs far into the stream (150M draws, past 2^32 draws) check the offset
arithmetic.
"""
import json
import os

import numpy as np
import torch
from torch import nn
from torchvision.models.resnet import BasicBlock, Bottleneck

import seeded_weights as sw

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.normpath(os.path.join(HERE, '..', '..', 'src', 'cases', 'golden', 'seeded-weights.json'))
SEED = 20240611
WHOLE_UP_TO = 300


def f32(values):
    # repr of a float32 widened to float64 is exact, so JSON round-trips it.
    return [float(v) for v in np.asarray(values, dtype=np.float32).reshape(-1)]


def main():
    model = nn.Sequential(
        nn.Conv2d(3, 4, 3), BasicBlock(4, 4), Bottleneck(16, 4), nn.BatchNorm1d(6), nn.Linear(2048, 1024), nn.Embedding(10, 4))
    values = sw.seeded_state_dict(sw.torch_signature(model.state_dict()), SEED)
    sw.load_seeded(model, SEED)  # the values load strictly into torch, dtypes and shapes included
    tensors = []
    for key, v in values.items():
        entry = {'key': key, 'dtype': 'float32' if v.dtype == np.float32 else 'int32', 'shape': list(v.shape)}
        flat = v.reshape(-1)
        if v.size <= WHOLE_UP_TO:
            entry['data'] = f32(flat) if v.dtype == np.float32 else [int(x) for x in flat]
        else:
            idx = sorted({0, 1, 2, 777_777 % v.size, v.size // 2, v.size - 1})
            entry['samples'] = {str(i): float(flat[i]) for i in idx}
        tensors.append(entry)
    runs = [
        {'offset': 150_000_000, 'n': 4, 'lo': -1.0, 'hi': 1.0, 'data': f32(sw.uniform_run(SEED, 150_000_000, 4, -1.0, 1.0))},
        {'offset': 2**32 - 2, 'n': 4, 'lo': 0.5, 'hi': 1.5, 'data': f32(sw.uniform_run(SEED, 2**32 - 2, 4, 0.5, 1.5))},
    ]
    fixture = {
        'generator': 'scripts/models/make_seeded_fixture.py',
        'recipeVersion': sw.RECIPE_VERSION,
        'seed': SEED,
        'stateDict': tensors,
        'runs': runs,
        'input': {'shape': [2, 3], 'seed': 7, 'data': f32(sw.seeded_input((2, 3), 7))},
        'tokens': {'shape': [2, 5], 'seed': 9, 'high': 20000, 'data': [int(x) for x in sw.seeded_tokens((2, 5), 9, 20000).reshape(-1)]},
    }
    with open(OUT, 'w') as f:
        json.dump(fixture, f, indent=1)
        f.write('\n')
    print(f'wrote {OUT} ({os.path.getsize(OUT)} bytes, torch {torch.__version__})')


if __name__ == '__main__':
    main()
