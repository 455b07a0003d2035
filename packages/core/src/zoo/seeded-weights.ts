import { CnnkitError } from '../errors';
import type { Module } from '../nn/module';
import { sizeOf, type StaticShape } from '../tensor/shape';
import type { TensorValue } from '../tensor/tensor';

/**
 * Seeded weights that PyTorch can reproduce bit for bit (the Python twin is
 * packages/conformance/scripts/models/seeded_weights.py), so a model case needs no weight blobs:
 * only a seed.
 *
 * The stream is core's Rng (mulberry32). mulberry32 is counter-based: its state after k draws is
 * seed + k·0x6D2B79F5 mod 2^32 and draw k is the output mix of that state, so numpy computes any
 * run of draws at once. One stream fills the whole state dict: tensors take their draws in
 * state-dict key order, each a contiguous run in row-major order; integer buffers
 * (num_batches_tracked) are 0 and take no draws. A draw x becomes u = x / 2^32 in [0, 1), and the
 * value lo + (hi − lo)·u is computed in float64 and rounded once to float32 — the same IEEE
 * operations in the same order on both sides.
 *
 * The recipe, per key (leaf = the name after the last '.'), chosen so that activations keep their
 * scale through the deepest zoo models in eval mode (logits of order 1 to 10):
 *
 * | key                                   | values                                           |
 * | ------------------------------------- | ------------------------------------------------ |
 * | `*.running_mean`                      | U(−0.1, 0.1)                                     |
 * | `*.running_var`                       | U(0.5, 1.5)                                      |
 * | `*.bias`                              | U(−0.1, 0.1)                                     |
 * | last norm scale of a residual branch  | U(0.1, 0.3): `<block>.bn3.weight`, or            |
 * |                                       | `<block>.bn2.weight` when `<block>.bn3.weight` is absent |
 * | any other float tensor of rank ≤ 1    | U(0.5, 1.5) (a norm layer's scale γ)             |
 * | any other float tensor, rank ≥ 2      | U(−b, b), b = √(6 / fan_in), fan_in = ∏ shape[1:] |
 * | integer tensors                       | 0, no draws                                      |
 *
 * b = √(6 / fan_in) is He-uniform (variance 2 / fan_in), which keeps the activations' scale
 * through a stack of ReLU layers (VGG-19's logits stay of order 1). The residual-branch rule is
 * torchvision's zero_init_residual idea, softened so that the branch still counts: with γ around 1
 * and running statistics that do not match the real ones, every residual block doubles the
 * activations' variance and ResNet-152's logits reach 10^11.
 */
export const SEEDED_WEIGHTS_RECIPE_VERSION = 1;

const WEYL = 0x6d2b79f5;
const TWO_POW_32 = 4294967296;
/** 2^-32: multiplying by it is exactly dividing by 2^32 (a power of two), and cheaper. */
const INV_TWO_POW_32 = 1 / TWO_POW_32;

/**
 * Writes draws offset+1 … offset+out.length of Rng(seed)'s stream into `out`, each mapped to
 * lo + (hi − lo)·(x / 2^32) and rounded to float32. Equals drawing them one by one with
 * `rng.uniform(lo, hi)` after skipping `offset` draws.
 */
export function fillSeededUniform(out: Float32Array, seed: number, offset: number, lo: number, hi: number): Float32Array {
  checkInteger(seed, 'seed', 'fillSeededUniform');
  checkInteger(offset, 'offset', 'fillSeededUniform');
  const span = hi - lo;
  // The state after `offset` draws; Math.imul keeps offset·0x6D2B79F5 exact modulo 2^32.
  let word = ((seed >>> 0) + Math.imul(offset, WEYL)) | 0;
  for (let i = 0; i < out.length; i++) {
    word = (word + WEYL) | 0;
    let z = word;
    z = Math.imul(z ^ (z >>> 15), z | 1);
    z ^= z + Math.imul(z ^ (z >>> 7), z | 61);
    out[i] = lo + span * (((z ^ (z >>> 14)) >>> 0) * INV_TWO_POW_32);
  }
  return out;
}

/**
 * Writes integers in [0, high) from draws offset+1 … offset+out.length: floor(x · high / 2^32),
 * exact in float64 for high ≤ 2^21 (x · high < 2^53).
 */
export function fillSeededIntegers(out: Int32Array, seed: number, offset: number, high: number): Int32Array {
  checkInteger(seed, 'seed', 'fillSeededIntegers');
  checkInteger(offset, 'offset', 'fillSeededIntegers');
  if (!Number.isInteger(high) || high < 1 || high > 2 ** 21) {
    throw new CnnkitError('INVALID_ARGUMENT', `fillSeededIntegers: high ${String(high)}; expected an integer in [1, 2^21]`);
  }
  let word = ((seed >>> 0) + Math.imul(offset, WEYL)) | 0;
  for (let i = 0; i < out.length; i++) {
    word = (word + WEYL) | 0;
    let z = word;
    z = Math.imul(z ^ (z >>> 15), z | 1);
    z ^= z + Math.imul(z ^ (z >>> 7), z | 61);
    out[i] = Math.floor((((z ^ (z >>> 14)) >>> 0) * high) / TWO_POW_32);
  }
  return out;
}

/** A float32 tensor of U(lo, hi) values from its own stream (draws 1 … n of Rng(seed)), row-major. */
export function seededUniform(shape: StaticShape, seed: number, lo = -1, hi = 1): TensorValue {
  return { dtype: 'float32', shape: [...shape], data: fillSeededUniform(new Float32Array(sizeOf(shape)), seed, 0, lo, hi) };
}

/** An int32 tensor of token ids in [0, high) from its own stream, row-major. */
export function seededIntegers(shape: StaticShape, seed: number, high: number): TensorValue {
  return { dtype: 'int32', shape: [...shape], data: fillSeededIntegers(new Int32Array(sizeOf(shape)), seed, 0, high) };
}

/** [lo, hi) of a float tensor of the state dict, by the recipe above. */
export function seededBounds(key: string, shape: StaticShape, keys: ReadonlySet<string>): [number, number] {
  const leaf = key.slice(key.lastIndexOf('.') + 1);
  if (isResidualScale(key, keys)) return [0.1, 0.3];
  if (leaf === 'running_mean') return [-0.1, 0.1];
  if (leaf === 'running_var') return [0.5, 1.5];
  if (leaf === 'bias') return [-0.1, 0.1];
  if (shape.length <= 1) return [0.5, 1.5];
  const b = Math.sqrt(6 / sizeOf(shape.slice(1)));
  return [-b, b];
}

function isResidualScale(key: string, keys: ReadonlySet<string>): boolean {
  if (key.endsWith('.bn3.weight')) return true;
  return key.endsWith('.bn2.weight') && !keys.has(`${key.slice(0, -'bn2.weight'.length)}bn3.weight`);
}

/**
 * Deterministic values for every parameter and buffer of `model`, keyed and ordered as its state
 * dict, by the recipe above; load them with `model.loadStateDict(...)`. Only the keys, dtypes and
 * shapes are read, so the model may live anywhere (host or backend).
 */
export function seededStateDict(model: Module, seed: number): Record<string, TensorValue> {
  checkInteger(seed, 'seed', 'seededStateDict');
  const entries = model.namedState().map(([key, holder]) => [key, holder.value.dtype, holder.value.shape] as const);
  const keys = new Set(entries.map(([key]) => key));
  const out: Record<string, TensorValue> = {};
  let offset = 0;
  for (const [key, dtype, shape] of entries) {
    const size = sizeOf(shape);
    if (dtype !== 'float32') {
      out[key] = { dtype, shape: [...shape], data: new Int32Array(size) };
      continue;
    }
    const [lo, hi] = seededBounds(key, shape, keys);
    out[key] = { dtype, shape: [...shape], data: fillSeededUniform(new Float32Array(size), seed, offset, lo, hi) };
    offset += size;
  }
  return out;
}

function checkInteger(value: number, name: string, where: string): void {
  if (typeof value !== 'number' || !Number.isInteger(value)) {
    throw new CnnkitError('INVALID_ARGUMENT', `${where}: ${name} ${String(value)} is not an integer; expected an integer (taken modulo 2^32)`);
  }
}
