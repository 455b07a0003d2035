import type { AvgPoolBackwardAttrs, Tensor } from '@cnnkit/core';
import { cpuTensor, f32 } from '../tensor';
import { avgDivisors } from './avg-pooling';
import { inferOutputShape } from './infer-output';
import { type PoolWindow, poolWindowOfShape, windowTaps } from './pooling-window';

/**
 * The adjoint of avgPoolPlanes (avg-pooling.ts): each dy is spread evenly over the real elements
 * of its window, divided by the same PyTorch divisor (avgDivisors) the forward pool used. A
 * window of padding only wrote a constant 0 forward and spreads over nothing. dx must be zeroed.
 */
export function avgPoolBackwardPlanes(dy: Float32Array, dx: Float32Array, g: PoolWindow, countIncludePad: boolean): void {
  const taps = windowTaps(g);
  const divisors = avgDivisors(g, taps, countIncludePad);
  const { first, rows, cols, rowStep } = taps;
  const inPlane = g.inH * g.inW;
  let yi = 0;
  for (let p = 0; p < g.planes; p++) {
    const base = p * inPlane;
    for (let q = 0; q < first.length; q++) {
      const hTaps = rows[q]!, wTaps = cols[q]!;
      const share = dy[yi++]! / divisors[q]!;
      for (let kh = 0, row = base + first[q]!; kh < hTaps; kh++, row += rowStep) {
        for (let i = row, end = row + wTaps; i < end; i++) dx[i]! += share;
      }
    }
  }
}

export function avgPoolBackward(op: 'avgPool1dBackward' | 'avgPool2dBackward', spatial: 1 | 2, inputs: readonly Tensor[], attrs: AvgPoolBackwardAttrs): Tensor[] {
  // Core's inference checks dy against what the forward pool makes of an input of inputSize.
  const shape = inferOutputShape(op, inputs, attrs);
  const g = poolWindowOfShape(op, shape, attrs, spatial);
  const dx = new Float32Array(g.planes * g.inH * g.inW);
  avgPoolBackwardPlanes(f32(inputs[0]!), dx, g, attrs.countIncludePad);
  return [cpuTensor(dx, shape)];
}
