"""Goldens for softmax: torch.softmax along several axes, large magnitudes and -inf."""
import torch

from common import rng, write
from softmax_helpers import softmax_cases

write('softmax', softmax_cases(rng(301), torch.softmax), __file__)
