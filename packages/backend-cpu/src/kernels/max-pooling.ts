import type { MaxPoolAttrs, Tensor } from '@cnnkit/core';
import { cpuTensor, f32 } from '../tensor';
import { type PoolWindow, endTapInside, firstTapInside, poolWindow } from './pooling-window';

/**
 * Max over each window, PyTorch's way: padding never wins (only real elements are visited, so a
 * window is -Infinity only if it has none), and a NaN anywhere in the window makes the result NaN.
 * Math.max gives exactly that NaN rule, and compiles without the data-dependent branch that a
 * compare-and-assign mispredicts on random data.
 */
export function maxPoolPlanes(x: Float32Array, y: Float32Array, g: PoolWindow): void {
  const { inH, inW, outH, outW, kernelH, kernelW, strideH, strideW, dilationH, dilationW, padTop, padLeft } = g;
  const inPlane = inH * inW;
  let yi = 0;
  for (let p = 0; p < g.planes; p++) {
    const base = p * inPlane;
    for (let oh = 0; oh < outH; oh++) {
      const h0 = oh * strideH - padTop;
      const khBegin = firstTapInside(h0, dilationH);
      const khEnd = endTapInside(h0, kernelH, dilationH, inH);
      for (let ow = 0; ow < outW; ow++) {
        const w0 = ow * strideW - padLeft;
        const kwBegin = firstTapInside(w0, dilationW);
        const kwEnd = endTapInside(w0, kernelW, dilationW, inW);
        let m = -Infinity;
        for (let kh = khBegin; kh < khEnd; kh++) {
          const row = base + (h0 + kh * dilationH) * inW + w0;
          for (let kw = kwBegin; kw < kwEnd; kw++) m = Math.max(m, x[row + kw * dilationW]!);
        }
        y[yi++] = m;
      }
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
