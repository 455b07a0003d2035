import { CnnkitError } from '../errors';
import type { Padding } from './attributes';

/** The extent a dilated kernel covers: (k - 1) * d + 1. */
export function effectiveKernel(kernel: number, dilation: number): number {
  return (kernel - 1) * dilation + 1;
}

/**
 * Explicit pads ([begins..., ends...]) for a padding spec at the given input size. 'same' gives
 * out = ceil(in / stride) and puts the odd unit at the end, as ONNX SAME_UPPER and PyTorch do.
 */
export function resolvePads(pads: Padding, inSize: readonly number[], kernel: readonly number[], strides: readonly number[], dilations: readonly number[]): number[] {
  const n = inSize.length;
  if (pads === 'valid') return new Array<number>(2 * n).fill(0);
  if (pads !== 'same') return [...pads];
  const begins: number[] = [];
  const ends: number[] = [];
  for (let i = 0; i < n; i++) {
    const out = Math.ceil(inSize[i]! / strides[i]!);
    const total = Math.max((out - 1) * strides[i]! + effectiveKernel(kernel[i]!, dilations[i]!) - inSize[i]!, 0);
    begins.push(Math.floor(total / 2));
    ends.push(total - Math.floor(total / 2));
  }
  return [...begins, ...ends];
}

/** Convolution output length: floor((in + pb + pe - effective kernel) / stride) + 1. */
export function convOutputSize(inSize: number, kernel: number, stride: number, dilation: number, padBegin: number, padEnd: number): number {
  return Math.floor((inSize + padBegin + padEnd - effectiveKernel(kernel, dilation)) / stride) + 1;
}

/**
 * Pooling output length, PyTorch's rule: with ceilMode the last window may hang over the end,
 * but it must start inside the input or the begin padding.
 */
export function poolOutputSize(inSize: number, kernel: number, stride: number, dilation: number, padBegin: number, padEnd: number, ceilMode: boolean): number {
  const span = inSize + padBegin + padEnd - effectiveKernel(kernel, dilation);
  if (!ceilMode) return Math.floor(span / stride) + 1;
  let out = Math.ceil(span / stride) + 1;
  if ((out - 1) * stride >= inSize + padBegin) out--;
  return out;
}

export function checkPositiveOutput(out: number, axis: number, inSize: number, kernel: number, where: string, detail: string): void {
  if (out < 1) {
    throw new CnnkitError('SHAPE_MISMATCH', `${where}: spatial axis ${axis} of size ${inSize} is too small for kernel ${kernel} (${detail}): output size would be ${out}; expected at least 1`, { axis, inSize, kernel, out });
  }
}
