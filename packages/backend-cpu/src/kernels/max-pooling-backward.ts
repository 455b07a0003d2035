import type { MaxPoolAttrs, Tensor } from '@cnnkit/core';
import { cpuTensor, f32 } from '../tensor';
import { inferOutputShape } from './infer-output';
import { type PoolWindow, endTapInside, firstTapInside, poolWindow } from './pooling-window';

/**
 * Routes each dy to the element its window picked, with PyTorch's choice of that element: the
 * scan (row-major over the real taps) keeps the FIRST of equal maxima, but a NaN always takes
 * over, so the LAST NaN of a window wins; a window of -Infinity only picks its first real element.
 * dx must be zeroed; windows that overlap add up.
 */
export function maxPoolBackwardPlanes(x: Float32Array, dy: Float32Array, dx: Float32Array, g: PoolWindow): void {
  const { inH, inW, outH, outW, kernelH, kernelW, strideH, strideW, dilationH, dilationW, padTop, padLeft } = g;
  const inPlane = inH * inW;
  let yi = 0;
  for (let p = 0; p < g.planes; p++) {
    const base = p * inPlane;
    for (let oh = 0; oh < outH; oh++) {
      const h0 = oh * strideH - padTop;
      const khBegin = firstTapInside(h0, dilationH);
      const khEnd = endTapInside(h0, kernelH, dilationH, inH);
      for (let ow = 0; ow < outW; ow++, yi++) {
        const w0 = ow * strideW - padLeft;
        const kwBegin = firstTapInside(w0, dilationW);
        const kwEnd = endTapInside(w0, kernelW, dilationW, inW);
        // A window of padding only has nothing to route to (core's pad limits rule it out).
        if (khBegin >= khEnd || kwBegin >= kwEnd) continue;
        let best = -Infinity;
        let at = base + (h0 + khBegin * dilationH) * inW + w0 + kwBegin * dilationW;
        for (let kh = khBegin; kh < khEnd; kh++) {
          const row = base + (h0 + kh * dilationH) * inW + w0;
          for (let kw = kwBegin; kw < kwEnd; kw++) {
            const i = row + kw * dilationW;
            const v = x[i]!;
            if (v > best || v !== v) {
              best = v;
              at = i;
            }
          }
        }
        dx[at]! += dy[yi]!;
      }
    }
  }
}

export function maxPoolBackward(op: 'maxPool1dBackward' | 'maxPool2dBackward', spatial: 1 | 2, inputs: readonly Tensor[], attrs: MaxPoolAttrs): Tensor[] {
  // Core's inference checks dy against what the forward pool makes of x.
  const shape = inferOutputShape(op, inputs, attrs);
  const [x, dy] = [inputs[0]!, inputs[1]!];
  const g = poolWindow(op, x, attrs, spatial);
  const dx = new Float32Array(x.size);
  maxPoolBackwardPlanes(f32(x), f32(dy), dx, g);
  return [cpuTensor(dx, shape)];
}
