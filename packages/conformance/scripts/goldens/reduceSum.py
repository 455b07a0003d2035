"""Goldens for reduceSum: torch.sum(x, dim=tuple, keepdim)."""
import torch

from common import rng, write
from reduce_helpers import reduce_cases

write('reduceSum', reduce_cases(rng(311), lambda x, dims, keep: torch.sum(x, dim=dims, keepdim=keep)), __file__)
