"""Seeded weights shared with cnnkit: the Python twin of packages/core/src/zoo/seeded-weights.ts.

Both sides fill a state dict from ONE mulberry32 stream (core's Rng): draw k (k = 1, 2, ...) of
the stream seeded with s is hash(s + k * 0x6D2B79F5 mod 2^32), where hash is mulberry32's output
mix. Because the state after k draws is known in closed form, numpy computes any run of draws at
once. Tensors take their draws in state-dict key order, each a contiguous run, row-major; integer
buffers (num_batches_tracked) are 0 and take no draws.

A draw x (a uint32) becomes u = x / 2^32 in [0, 1) and then lo + (hi - lo) * u, computed in
float64 and rounded once to float32 -- the same IEEE operations in the same order as the
TypeScript side, so the values are bit-for-bit equal.

The recipe, per state-dict key (leaf = the name after the last '.'), in this order:
  last norm scale of a residual branch   U(0.1, 0.3): <block>.bn3.weight, or <block>.bn2.weight
                                         when <block>.bn3.weight is absent (torchvision's
                                         zero_init_residual idea, softened: without it every
                                         residual block doubles the variance and resnet152's
                                         logits reach 1e11)
  *.running_mean                         U(-0.1, 0.1)
  *.running_var                          U(0.5, 1.5)
  *.bias                                 U(-0.1, 0.1)
  any other float tensor of rank <= 1    U(0.5, 1.5)   (a norm layer's scale, gamma)
  any other float tensor, rank >= 2      U(-b, b), b = sqrt(6 / fan_in), fan_in = prod(shape[1:])
                                         (He-uniform: keeps the activations' scale through ReLU
                                         stacks; for an embedding [V, D], fan_in = D)
  integer tensors                        0 (no draws)
"""
import math

import numpy as np

WEYL = 0x6D2B79F5
TWO_32 = 4294967296.0
RECIPE_VERSION = 1
RESIDUAL_SCALE = (0.1, 0.3)


def mulberry32_draws(seed, offset, n):
    """Draws offset+1 .. offset+n of core's Rng(seed).nextUint32() stream, as uint32."""
    k = np.arange(offset + 1, offset + n + 1, dtype=np.uint64)
    word = ((np.uint64(seed % 2**32) + k * np.uint64(WEYL)) & np.uint64(0xFFFFFFFF)).astype(np.uint32)
    return _mix(word)


def _mix(z):
    # mulberry32's output function on uint32 arrays (numpy wraps uint32 products like Math.imul).
    with np.errstate(over='ignore'):
        z = (z ^ (z >> np.uint32(15))) * (z | np.uint32(1))
        z = z ^ (z + (z ^ (z >> np.uint32(7))) * (z | np.uint32(61)))
        return z ^ (z >> np.uint32(14))


def uniform_run(seed, offset, n, lo, hi):
    """n float32 values lo + (hi - lo) * u from draws offset+1 .. offset+n."""
    u = mulberry32_draws(seed, offset, n).astype(np.float64) / TWO_32
    return (lo + (hi - lo) * u).astype(np.float32)


def integer_run(seed, offset, n, high):
    """n integers in [0, high): floor(x * high / 2^32), exact in 64-bit integers."""
    x = mulberry32_draws(seed, offset, n).astype(np.uint64)
    return ((x * np.uint64(high)) >> np.uint64(32)).astype(np.int64)


def is_residual_scale(key, keys):
    """The scale of a residual branch's last norm: <block>.bn3.weight, or <block>.bn2.weight without a <block>.bn3."""
    if key.endswith('.bn3.weight'):
        return True
    return key.endswith('.bn2.weight') and key[:-len('bn2.weight')] + 'bn3.weight' not in keys


def bounds(key, shape, keys):
    """(lo, hi) for a float tensor of the state dict, by the recipe above."""
    leaf = key.rsplit('.', 1)[-1]
    if is_residual_scale(key, keys):
        return RESIDUAL_SCALE
    if leaf == 'running_mean':
        return -0.1, 0.1
    if leaf == 'running_var':
        return 0.5, 1.5
    if leaf == 'bias':
        return -0.1, 0.1
    if len(shape) <= 1:
        return 0.5, 1.5
    fan_in = int(np.prod(shape[1:]))
    b = math.sqrt(6.0 / fan_in)
    return -b, b


def seeded_state_dict(signature, seed):
    """signature: [(key, shape, is_float)] in state-dict order -> {key: np.ndarray} (float32 / int64)."""
    out = {}
    offset = 0
    keys = set(k for k, _, _ in signature)
    for key, shape, is_float in signature:
        shape = tuple(int(d) for d in shape)
        n = int(np.prod(shape)) if shape else 1
        if not is_float:
            out[key] = np.zeros(shape, dtype=np.int64)
            continue
        lo, hi = bounds(key, shape, keys)
        out[key] = uniform_run(seed, offset, n, lo, hi).reshape(shape)
        offset += n
    return out


def torch_signature(state_dict):
    return [(k, tuple(v.shape), v.is_floating_point()) for k, v in state_dict.items()]


def load_seeded(module, seed):
    """Loads the seeded weights into a torch module (strict), returning the module."""
    import torch
    values = seeded_state_dict(torch_signature(module.state_dict()), seed)
    module.load_state_dict({k: torch.from_numpy(v) for k, v in values.items()}, strict=True)
    return module


def seeded_input(shape, seed, lo=-1.0, hi=1.0):
    """A float32 input from its own stream: U(lo, hi), row-major."""
    n = int(np.prod(shape))
    return uniform_run(seed, 0, n, lo, hi).reshape(shape)


def seeded_tokens(shape, seed, vocab_size):
    """Token ids in [0, vocab_size) from their own stream, row-major."""
    n = int(np.prod(shape))
    return integer_run(seed, 0, n, vocab_size).reshape(shape)
