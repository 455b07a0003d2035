"""Goldens for dropout in inference: F.dropout(x, p, training=False) is the identity. Training
masks come from each framework's own generator, so those cases are statistical checks in
src/cases/ops/dropout.ts, not goldens."""
import torch.nn.functional as F

from common import case, randn, rng, write

g = rng(306)
cases = []
for p in (0.5, 0.2):
    x = randn(g, 2, 3, 4)
    cases.append(case('inference-p%g' % p, 'training=False with p=%g: the identity' % p,
                      {'ratio': p, 'training': False, 'seed': 1}, [x], F.dropout(x, p, training=False)))
write('dropout', cases, __file__)
