"""Gradient goldens for sub with NumPy broadcasting (shapes in grad_binary_helpers.py)."""
from common import rng
from grad_binary_helpers import binary_grad_cases
from grad_common import write_grad

write_grad('sub', binary_grad_cases(rng(4115), lambda a, b: a - b), __file__)
