import type { MaxPoolAttrs, Tensor } from '@cnnkit/core';
import { cpuTensor, f32 } from '../tensor';
import { type PoolWindow, poolWindow, windowTaps } from './pooling-window';

/**
 * Max over each window, PyTorch's way: padding never wins (only real elements are visited, so a
 * window is -Infinity only if it has none), and a NaN anywhere in the window makes the result NaN.
 * Math.max gives exactly that NaN rule, and compiles without the data-dependent branch that a
 * compare-and-assign mispredicts on random data.
 */
export function maxPoolPlanes(x: Float32Array, y: Float32Array, g: PoolWindow): void {
  const { first, rows, cols, rowStep, colStep } = windowTaps(g);
  const inPlane = g.inH * g.inW;
  let yi = 0;
  for (let p = 0; p < g.planes; p++) {
    const base = p * inPlane;
    for (let q = 0; q < first.length; q++) {
      const hTaps = rows[q]!, wTaps = cols[q]!;
      let m = -Infinity;
      for (let kh = 0, row = base + first[q]!; kh < hTaps; kh++, row += rowStep) {
        for (let kw = 0, i = row; kw < wTaps; kw++, i += colStep) m = Math.max(m, x[i]!);
      }
      y[yi++] = m;
    }
  }
}

export function maxPool(op: 'maxPool1d' | 'maxPool2d', spatial: 1 | 2, inputs: readonly Tensor[], attrs: MaxPoolAttrs): Tensor[] {
  const x = inputs[0]!;
  const g = poolWindow(op, x, attrs, spatial);
  const y = new Float32Array(g.planes * g.outH * g.outW);
  maxPoolPlanes(f32(x), y, g);
  return [cpuTensor(y, g.outShape)];
}
