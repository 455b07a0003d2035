"""Goldens for logSoftmax: torch.log_softmax along several axes, large magnitudes and -inf."""
import torch

from common import rng, write
from softmax_helpers import softmax_cases

write('logSoftmax', softmax_cases(rng(302), torch.log_softmax), __file__)
