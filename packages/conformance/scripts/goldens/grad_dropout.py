"""Gradient goldens for dropout where PyTorch's mask and cnnkit's can agree: inference (identity)
and training with ratio 0. A seeded training mask is cnnkit's own generator, not torch's: those
cases are checked by finite differences (src/cases/gradients/dropout.ts)."""
import torch.nn.functional as F

from common import randn, rng
from grad_common import grad_case, write_grad

g = rng(4131)
cases = [
    grad_case(g, 'inference', 'training off: the identity, so dy passes through', {'ratio': 0.5, 'training': False},
              [randn(g, 2, 4)], [0], lambda x: F.dropout(x, 0.5, training=False)),
    grad_case(g, 'training-ratio0', 'training with ratio 0: nothing dropped, nothing scaled', {'ratio': 0, 'training': True, 'seed': 3},
              [randn(g, 3, 2)], [0], lambda x: F.dropout(x, 0.0, training=True)),
]
write_grad('dropout', cases, __file__)
