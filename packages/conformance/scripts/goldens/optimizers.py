"""PyTorch goldens for the optimizer conformance cases: a few steps of torch.optim.SGD / Adam /
AdamW on fixed parameters and fixed gradients per step -> the parameters after each step.

Run: cd packages/conformance/scripts/goldens && /usr/bin/python3 optimizers.py
Writes src/cases/golden/optimizers.json, loaded by src/cases/optimizers/index.ts.
A gradient of null means the parameter has no gradient at that step (torch skips it, and its
step count does not advance: Adam's bias correction then differs per parameter).
"""
import os

import torch

from common import GOLDEN_DIR, fixture_header, randn, rng, tensor_json, write_json

SHAPES = [(2, 3), (3,)]
STEPS = 3


def run(name, description, cls, options, torch_options, seed, grad_scale=None, missing=()):
    """missing: (step, param) pairs that get no gradient."""
    gen = rng(seed)
    params = [randn(gen, *s) for s in SHAPES]
    grads = []
    for step in range(STEPS):
        scale = grad_scale[step] if grad_scale else 1.0
        grads.append([None if (step, i) in missing else randn(gen, *s) * scale for i, s in enumerate(SHAPES)])
    ps = [torch.nn.Parameter(p.clone()) for p in params]
    opt = cls(ps, **torch_options)
    expected = []
    for step in range(STEPS):
        for p, g in zip(ps, grads[step]):
            p.grad = None if g is None else g.clone()
        opt.step()
        expected.append([p.detach().clone() for p in ps])
    return {
        'name': name,
        'description': description,
        'optimizer': cls.__name__,
        'options': options,
        'params': [tensor_json(p) for p in params],
        'grads': [[None if g is None else tensor_json(g) for g in step] for step in grads],
        'expected': [[tensor_json(p) for p in step] for step in expected],
    }


SGD, Adam, AdamW = torch.optim.SGD, torch.optim.Adam, torch.optim.AdamW
# amsgrad only matters when the second moment falls: large gradients first, then small ones.
FALLING = [3.0, 0.1, 0.05]
cases = [
    run('plain', 'lr 0.1, no momentum', SGD, {'lr': 0.1}, {'lr': 0.1}, 1),
    run('momentum', 'momentum 0.9 (first buffer = grad)', SGD, {'lr': 0.1, 'momentum': 0.9}, {'lr': 0.1, 'momentum': 0.9}, 2),
    run('momentum_dampening', 'momentum 0.9, dampening 0.3', SGD, {'lr': 0.05, 'momentum': 0.9, 'dampening': 0.3},
        {'lr': 0.05, 'momentum': 0.9, 'dampening': 0.3}, 3),
    run('nesterov', 'Nesterov momentum 0.9', SGD, {'lr': 0.1, 'momentum': 0.9, 'nesterov': True},
        {'lr': 0.1, 'momentum': 0.9, 'nesterov': True}, 4),
    run('weight_decay', 'weight decay 0.1 without momentum', SGD, {'lr': 0.1, 'weightDecay': 0.1}, {'lr': 0.1, 'weight_decay': 0.1}, 5),
    run('nesterov_weight_decay', 'Nesterov momentum 0.8 with weight decay 0.05', SGD,
        {'lr': 0.1, 'momentum': 0.8, 'nesterov': True, 'weightDecay': 0.05},
        {'lr': 0.1, 'momentum': 0.8, 'nesterov': True, 'weight_decay': 0.05}, 6),
    run('missing_grad', 'momentum 0.9; the second parameter has no gradient at step 2', SGD, {'lr': 0.1, 'momentum': 0.9},
        {'lr': 0.1, 'momentum': 0.9}, 7, missing={(1, 1)}),
    run('default', 'lr 0.01, betas (0.9, 0.999), eps 1e-8', Adam, {'lr': 0.01}, {'lr': 0.01}, 11),
    run('betas_eps', 'betas (0.8, 0.99), eps 1e-3', Adam, {'lr': 0.05, 'betas': [0.8, 0.99], 'eps': 1e-3},
        {'lr': 0.05, 'betas': (0.8, 0.99), 'eps': 1e-3}, 12),
    run('weight_decay', 'L2 weight decay 0.1 added to the gradient', Adam, {'lr': 0.01, 'weightDecay': 0.1},
        {'lr': 0.01, 'weight_decay': 0.1}, 13),
    run('amsgrad', 'amsgrad with falling gradients (the max of v matters)', Adam, {'lr': 0.01, 'amsgrad': True},
        {'lr': 0.01, 'amsgrad': True}, 14, grad_scale=FALLING),
    run('missing_grad', 'the first parameter has no gradient at step 2, so its bias correction lags', Adam, {'lr': 0.01},
        {'lr': 0.01}, 15, missing={(1, 0)}),
    run('default', 'lr 0.01, decoupled weight decay 1e-2 (torch default)', AdamW, {'lr': 0.01}, {'lr': 0.01}, 21),
    run('strong_decay', 'decoupled weight decay 0.5', AdamW, {'lr': 0.02, 'weightDecay': 0.5}, {'lr': 0.02, 'weight_decay': 0.5}, 22),
    run('amsgrad', 'amsgrad with weight decay 0.1 and falling gradients', AdamW, {'lr': 0.01, 'weightDecay': 0.1, 'amsgrad': True},
        {'lr': 0.01, 'weight_decay': 0.1, 'amsgrad': True}, 23, grad_scale=FALLING),
]

write_json(os.path.join(GOLDEN_DIR, 'optimizers.json'), {**fixture_header(__file__), 'cases': cases}, '%d cases, ' % len(cases))
