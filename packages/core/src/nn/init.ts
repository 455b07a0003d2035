import { CnnkitError } from '../errors';
import { defaultRng, type Rng } from '../random/rng';
import { type StaticShape, formatShape, sizeOf } from '../tensor/shape';
import type { Tensor } from '../tensor/tensor';
import { Parameter } from './parameter';
import { createModuleTensor, placeLike } from './placement';

/**
 * torch.nn.init for cnnkit parameters: each function replaces a parameter's value with a fresh
 * draw from `rng` (the default generator unless given). Draws are made in row-major order, so a
 * seed fixes the values; they are not PyTorch's values (different generator), only its
 * distributions.
 */

export type Nonlinearity = 'linear' | 'conv' | 'sigmoid' | 'tanh' | 'relu' | 'leakyRelu';
export type FanMode = 'fanIn' | 'fanOut';

/** torch.nn.init.calculate_gain. `param` is LeakyReLU's negative slope (default 0.01). */
export function calculateGain(nonlinearity: Nonlinearity, param?: number): number {
  switch (nonlinearity) {
    case 'linear':
    case 'conv':
    case 'sigmoid':
      return 1;
    case 'tanh':
      return 5 / 3;
    case 'relu':
      return Math.SQRT2;
    case 'leakyRelu': {
      const slope = param ?? 0.01;
      return Math.sqrt(2 / (1 + slope * slope));
    }
  }
}

/** torch's _calculate_fan_in_and_fan_out: [out, in, ...kernel] -> (in * kernel, out * kernel). */
export function fans(shape: StaticShape): { fanIn: number; fanOut: number } {
  if (shape.length < 2) {
    throw new CnnkitError('INVALID_ARGUMENT', `init: fan in and fan out need a weight of rank >= 2; given shape ${formatShape(shape)}`);
  }
  const receptive = sizeOf(shape.slice(2));
  return { fanIn: shape[1]! * receptive, fanOut: shape[0]! * receptive };
}

function filled(shape: StaticShape, draw: () => number): Float32Array {
  const data = new Float32Array(sizeOf(shape));
  for (let i = 0; i < data.length; i++) data[i] = draw();
  return data;
}

let skippingDraws = 0;

/**
 * Runs fn with random initialisation off: what uniform / normal (and the default, kaiming and
 * xavier inits built on them) would draw starts at 0 instead, without a loop over the values
 * and without advancing any generator. For a model built only to load a state dict or to be
 * counted (VGG-16 draws 138 M values otherwise), like transformers' no_init_weights. Constants
 * (zeros, ones, BatchNorm's weight 1 and running variance 1) are what they always are.
 */
export function withoutInitDraws<T>(fn: () => T): T {
  skippingDraws++;
  try {
    return fn();
  } finally {
    skippingDraws--;
  }
}

/** `filled` for random draws: zeros, undrawn, inside withoutInitDraws. */
function drawn(shape: StaticShape, draw: () => number): Float32Array {
  return skippingDraws > 0 ? new Float32Array(sizeOf(shape)) : filled(shape, draw);
}

/** A new module-owned tensor of U(lo, hi) draws. */
export function uniformTensor(shape: StaticShape, lo: number, hi: number, rng: Rng = defaultRng()): Tensor {
  return createModuleTensor({ dtype: 'float32', shape, data: drawn(shape, () => rng.uniform(lo, hi)) });
}

/** A new module-owned tensor of N(mean, std²) draws. */
export function normalTensor(shape: StaticShape, mean: number, std: number, rng: Rng = defaultRng()): Tensor {
  return createModuleTensor({ dtype: 'float32', shape, data: drawn(shape, () => mean + std * rng.nextNormal()) });
}

/** A new module-owned tensor filled with one value. */
export function constantTensor(shape: StaticShape, value: number, dtype: 'float32' | 'int32' = 'float32'): Tensor {
  const data = dtype === 'float32' ? new Float32Array(sizeOf(shape)) : new Int32Array(sizeOf(shape));
  data.fill(value);
  return createModuleTensor({ dtype, shape, data });
}

/**
 * The bound of PyTorch's default Conv / Linear weight init, kaiming_uniform_(a = √5):
 * gain = √(2 / (1 + a²)) = √(1/3), bound = gain · √(3 / fan_in) = 1 / √fan_in.
 * Biases use the same bound, 1 / √fan_in.
 */
export function defaultUniformBound(fanIn: number): number {
  return fanIn > 0 ? 1 / Math.sqrt(fanIn) : 0;
}

function replace(p: Parameter, draw: () => number, random = true): Parameter {
  const shape = p.value.shape;
  p.assign(placeLike({ dtype: 'float32', shape, data: random ? drawn(shape, draw) : filled(shape, draw) }, p.value));
  return p;
}

export function uniform(p: Parameter, lo = 0, hi = 1, rng: Rng = defaultRng()): Parameter {
  return replace(p, () => rng.uniform(lo, hi));
}

export function normal(p: Parameter, mean = 0, std = 1, rng: Rng = defaultRng()): Parameter {
  return replace(p, () => mean + std * rng.nextNormal());
}

export function constant(p: Parameter, value: number): Parameter {
  return replace(p, () => value, false);
}

export const zeros = (p: Parameter): Parameter => constant(p, 0);
export const ones = (p: Parameter): Parameter => constant(p, 1);

export interface KaimingOptions {
  /** LeakyReLU's negative slope (torch's a); 0 by default. */
  readonly a?: number;
  readonly mode?: FanMode;
  readonly nonlinearity?: Nonlinearity;
  readonly rng?: Rng;
}

function kaimingStd(p: Parameter, o: KaimingOptions): number {
  const { fanIn, fanOut } = fans(p.value.shape);
  const fan = (o.mode ?? 'fanIn') === 'fanIn' ? fanIn : fanOut;
  return calculateGain(o.nonlinearity ?? 'leakyRelu', o.a ?? 0) / Math.sqrt(fan);
}

/** torch.nn.init.kaiming_uniform_: U(−b, b) with b = gain · √(3 / fan). */
export function kaimingUniform(p: Parameter, o: KaimingOptions = {}): Parameter {
  const bound = Math.sqrt(3) * kaimingStd(p, o);
  return uniform(p, -bound, bound, o.rng);
}

/** torch.nn.init.kaiming_normal_: N(0, std²) with std = gain / √fan (torchvision's ResNet and VGG use fanOut, relu). */
export function kaimingNormal(p: Parameter, o: KaimingOptions = {}): Parameter {
  return normal(p, 0, kaimingStd(p, o), o.rng);
}

/** torch.nn.init.xavier_uniform_: U(−b, b) with b = gain · √(6 / (fan_in + fan_out)). */
export function xavierUniform(p: Parameter, gain = 1, rng: Rng = defaultRng()): Parameter {
  const { fanIn, fanOut } = fans(p.value.shape);
  const bound = gain * Math.sqrt(6 / (fanIn + fanOut));
  return uniform(p, -bound, bound, rng);
}

/** A fresh parameter of PyTorch's default Conv / Linear init: U(−1/√fan_in, 1/√fan_in). */
export function defaultInitParameter(shape: StaticShape, fanIn: number, rng: Rng = defaultRng()): Parameter {
  const bound = defaultUniformBound(fanIn);
  return new Parameter(uniformTensor(shape, -bound, bound, rng));
}
