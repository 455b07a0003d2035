import { CnnkitError } from '../../errors';
import { formatShape } from '../../tensor/shape';
import type { Tensor } from '../../tensor/tensor';

/** Constructor-argument and input checks shared by the layers; errors name the layer. */

export function checkInt(value: unknown, name: string, where: string, min: number): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min) {
    throw new CnnkitError('INVALID_ARGUMENT', `${where}: ${name} is ${JSON.stringify(value)}; expected an integer >= ${min}`);
  }
  return value;
}

/** One int per spatial axis, from a number or a list (PyTorch's _pair / _single). */
export function intTuple(value: number | readonly number[], length: number, name: string, where: string, min: number): number[] {
  const list = typeof value === 'number' ? new Array<number>(length).fill(value) : [...value];
  if (list.length !== length || !list.every((v) => Number.isInteger(v) && v >= min)) {
    throw new CnnkitError('INVALID_ARGUMENT', `${where}: ${name} is ${JSON.stringify(value)}; expected an integer >= ${min} or ${length} of them`);
  }
  return list;
}

/** Symmetric per-axis padding (a number or one per axis) as the op set's explicit pads. */
export function poolPadding(value: number | readonly number[], length: number, where: string): number[] {
  return intTuple(value, length, 'padding', where, 0);
}

export function checkProbability(p: unknown, where: string): number {
  if (typeof p !== 'number' || !(p >= 0 && p <= 1)) {
    throw new CnnkitError('INVALID_ARGUMENT', `${where}: p is ${JSON.stringify(p)}; expected a probability in [0, 1]`);
  }
  return p;
}

/** Checks x's rank (one of ranks) and, when given, its channel count at axis 1. */
export function checkInput(x: Tensor, ranks: readonly number[], layout: string, where: string, channels?: number): void {
  if (!ranks.includes(x.rank)) {
    throw new CnnkitError('SHAPE_MISMATCH', `${where}: input has shape ${formatShape(x.shape)} (rank ${x.rank}); expected rank ${ranks.join(' or ')} (${layout})`, { shape: x.shape });
  }
  if (channels !== undefined && x.shape[1] !== channels) {
    throw new CnnkitError('SHAPE_MISMATCH', `${where}: input has shape ${formatShape(x.shape)} with ${x.shape[1]} channels at axis 1; expected ${channels}`, { shape: x.shape });
  }
}

/** A number as Python's repr prints a float (1e-05, 0.1), so describe() reads like PyTorch's module repr. */
export function pyFloat(v: number): string {
  const a = Math.abs(v);
  if (a !== 0 && Number.isFinite(v) && (a < 1e-4 || a >= 1e16)) {
    const [mantissa, exponent] = v.toExponential().split('e');
    const e = Number(exponent);
    return `${mantissa}e${e < 0 ? '-' : '+'}${String(Math.abs(e)).padStart(2, '0')}`;
  }
  return Number.isInteger(v) ? `${v}.0` : String(v);
}
