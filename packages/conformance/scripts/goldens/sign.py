"""Goldens for sign: torch.sign, with sign(±0) = 0.

NaN is left out here on purpose: cnnkit's sign keeps NaN as NaN (the op's contract, as numpy,
ONNX Runtime and IEEE comparisons would have it), while torch.sign(NaN) is 0 (a known divergence,
pytorch/pytorch#41245). The hand-worked case in src/cases/ops/sign.ts covers NaN."""
import torch

from common import case, randn, rng, write

g = rng(403)
cases = []
x = randn(g, 2, 2, 5)
x[0, 0, :2] = 0.0
cases.append(case('random', 'random [2, 2, 5] with two exact zeros', {}, [x], torch.sign(x)))
x = torch.tensor([float('-inf'), -1e-40, -0.0, 0.0, 1e-40, 3.0, float('inf')])
cases.append(case('specials', 'infinities, subnormals of both signs and signed zeros', {}, [x], torch.sign(x)))
write('sign', cases, __file__)
