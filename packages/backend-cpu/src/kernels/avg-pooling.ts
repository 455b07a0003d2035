import type { AvgPoolAttrs, Tensor } from '@cnnkit/core';
import { cpuTensor, f32 } from '../tensor';
import { type PoolWindow, type WindowTaps, poolWindow, windowTaps } from './pooling-window';

/**
 * PyTorch's divisor for each window of a plane (indexed like WindowTaps). With countIncludePad
 * it is the window cut at the end padding (input + padEnd), which is what ceilMode's overhanging
 * last window counts; without, it is the number of real elements. A window of padding only (core's
 * pad limits rule it out) sums nothing, and a divisor of 1 keeps it at PyTorch's 0, not 0 / 0.
 */
export function avgDivisors(g: PoolWindow, taps: WindowTaps, countIncludePad: boolean): Int32Array {
  const divisors = new Int32Array(taps.first.length);
  for (let oh = 0, q = 0; oh < g.outH; oh++) {
    const hSpan = paddedSpan(oh, g.strideH, g.padTop, g.padBottom, g.kernelH, g.inH);
    for (let ow = 0; ow < g.outW; ow++, q++) {
      divisors[q] = countIncludePad
        ? hSpan * paddedSpan(ow, g.strideW, g.padLeft, g.padRight, g.kernelW, g.inW)
        : Math.max(taps.rows[q]! * taps.cols[q]!, 1);
    }
  }
  return divisors;
}

/** Window o's extent along one axis, padding included, up to the end of the end padding. */
function paddedSpan(o: number, stride: number, padBegin: number, padEnd: number, kernel: number, inSize: number): number {
  const start = o * stride - padBegin;
  return Math.min(start + kernel, inSize + padEnd) - start;
}

/** Mean over each window: the sum of its real elements over avgDivisors' divisor. */
export function avgPoolPlanes(x: Float32Array, y: Float32Array, g: PoolWindow, countIncludePad: boolean): void {
  const taps = windowTaps(g);
  const divisors = avgDivisors(g, taps, countIncludePad);
  const { first, rows, cols, rowStep } = taps;
  const inPlane = g.inH * g.inW;
  let yi = 0;
  for (let p = 0; p < g.planes; p++) {
    const base = p * inPlane;
    for (let q = 0; q < first.length; q++) {
      const hTaps = rows[q]!, wTaps = cols[q]!;
      let sum = 0;
      // Average pools have no dilation: each row of a window is contiguous.
      for (let kh = 0, row = base + first[q]!; kh < hTaps; kh++, row += rowStep) {
        for (let i = row, end = row + wTaps; i < end; i++) sum += x[i]!;
      }
      y[yi++] = sum / divisors[q]!;
    }
  }
}

export function avgPool(op: 'avgPool1d' | 'avgPool2d', spatial: 1 | 2, inputs: readonly Tensor[], attrs: AvgPoolAttrs): Tensor[] {
  const x = inputs[0]!;
  const g = poolWindow(op, x, attrs, spatial);
  const y = new Float32Array(g.planes * g.outH * g.outW);
  avgPoolPlanes(f32(x), y, g, attrs.countIncludePad);
  return [cpuTensor(y, g.outShape)];
}
