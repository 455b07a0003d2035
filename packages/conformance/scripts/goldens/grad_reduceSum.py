"""Gradient goldens for reduceSum (axes in grad_reduce_helpers.py)."""
import torch

from common import rng
from grad_common import write_grad
from grad_reduce_helpers import reduce_grad_cases

write_grad('reduceSum', reduce_grad_cases(rng(4132), lambda x, dims, keep: torch.sum(x, dims, keepdim=keep)), __file__)
