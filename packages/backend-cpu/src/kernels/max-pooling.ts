import type { MaxPoolAttrs, Tensor } from '@cnnkit/core';
import { wasmMaxPool2x2, wasmMaxPool2x2Fits } from '../gemm/wasm/max-pool-2x2';
import { cpuTensor, f32 } from '../tensor';
import { type PoolWindow, poolWindow, windowTaps } from './pooling-window';

/**
 * Max over each window, PyTorch's way: padding never wins (only real elements are visited, so a
 * window is -Infinity only if it has none), and a NaN anywhere in the window makes the result NaN.
 * Math.max gives exactly that NaN rule, and compiles without the data-dependent branch that a
 * compare-and-assign mispredicts on random data.
 */
export function maxPoolPlanes(x: Float32Array, y: Float32Array, g: PoolWindow): void {
  if (isPlainTwoByTwo(g)) {
    maxPoolTwoByTwo(x, y, g);
    return;
  }
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

/**
 * The most common pool (LeNet's, VGG's): 2×2 windows at stride 2, no padding or dilation, all
 * inside the input. The same Math.max chain as the general loop, unrolled, without its tables;
 * four windows at a time with f32x4.max (the same values) where they are four or more to a row.
 */
function maxPoolTwoByTwo(x: Float32Array, y: Float32Array, g: PoolWindow): void {
  if (wasmMaxPool2x2Fits(g.outW)) {
    wasmMaxPool2x2(x, y, g);
    return;
  }
  const { inW, outH, outW } = g;
  const inPlane = g.inH * inW;
  let yi = 0;
  for (let p = 0; p < g.planes; p++) {
    for (let oh = 0; oh < outH; oh++) {
      const r0 = p * inPlane + 2 * oh * inW, r1 = r0 + inW;
      for (let ow = 0, c = 0; ow < outW; ow++, c += 2) {
        y[yi++] = Math.max(Math.max(Math.max(Math.max(-Infinity, x[r0 + c]!), x[r0 + c + 1]!), x[r1 + c]!), x[r1 + c + 1]!);
      }
    }
  }
}

/** Whether the pool is 2×2 windows at stride 2 with no padding or dilation, every window whole. */
export function isPlainTwoByTwo(g: PoolWindow): boolean {
  return g.kernelH === 2 && g.kernelW === 2 && g.strideH === 2 && g.strideW === 2 && g.dilationH === 1 && g.dilationW === 1
    && g.padTop === 0 && g.padLeft === 0 && g.padBottom === 0 && g.padRight === 0
    && 2 * g.outH <= g.inH && 2 * g.outW <= g.inW;
}

export function maxPool(op: 'maxPool1d' | 'maxPool2d', spatial: 1 | 2, inputs: readonly Tensor[], attrs: MaxPoolAttrs): Tensor[] {
  const x = inputs[0]!;
  const g = poolWindow(op, x, attrs, spatial);
  const y = new Float32Array(g.planes * g.outH * g.outW);
  maxPoolPlanes(f32(x), y, g);
  return [cpuTensor(y, g.outShape)];
}
