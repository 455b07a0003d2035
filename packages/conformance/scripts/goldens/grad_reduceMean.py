"""Gradient goldens for reduceMean (axes in grad_reduce_helpers.py)."""
import torch

from common import rng
from grad_common import write_grad
from grad_reduce_helpers import reduce_grad_cases

write_grad('reduceMean', reduce_grad_cases(rng(4133), lambda x, dims, keep: torch.mean(x, dims, keepdim=keep)), __file__)
