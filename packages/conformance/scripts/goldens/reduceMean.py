"""Goldens for reduceMean: torch.mean(x, dim=tuple, keepdim)."""
import torch

from common import rng, write
from reduce_helpers import reduce_cases

write('reduceMean', reduce_cases(rng(312), lambda x, dims, keep: torch.mean(x, dim=dims, keepdim=keep)), __file__)
