import type { AvgPoolBackwardAttrs, Tensor } from '@cnnkit/core';
import { cpuTensor, f32 } from '../tensor';
import { inferOutputShape } from './infer-output';
import { type PoolWindow, poolWindowOfShape } from './pooling-window';

/**
 * The adjoint of avgPoolPlanes (avg-pooling.ts): each dy is spread evenly over the real elements
 * of its window, divided by the same PyTorch divisor the forward pool used (the window cut at the
 * end padding when countIncludePad, the real elements otherwise). dx must be zeroed.
 */
export function avgPoolBackwardPlanes(dy: Float32Array, dx: Float32Array, g: PoolWindow, countIncludePad: boolean): void {
  const { inH, inW, outH, outW, kernelH, kernelW, strideH, strideW, padTop, padLeft } = g;
  const hLimit = inH + g.padBottom;
  const wLimit = inW + g.padRight;
  const inPlane = inH * inW;
  let yi = 0;
  for (let p = 0; p < g.planes; p++) {
    const base = p * inPlane;
    for (let oh = 0; oh < outH; oh++) {
      const hStartPadded = oh * strideH - padTop;
      const hEndPadded = Math.min(hStartPadded + kernelH, hLimit);
      const hStart = Math.max(hStartPadded, 0);
      const hEnd = Math.min(hEndPadded, inH);
      for (let ow = 0; ow < outW; ow++, yi++) {
        const wStartPadded = ow * strideW - padLeft;
        const wEndPadded = Math.min(wStartPadded + kernelW, wLimit);
        const wStart = Math.max(wStartPadded, 0);
        const wEnd = Math.min(wEndPadded, inW);
        // A window of padding only wrote a constant 0 forward: no gradient flows from it.
        if (hStart >= hEnd || wStart >= wEnd) continue;
        const divisor = countIncludePad
          ? (hEndPadded - hStartPadded) * (wEndPadded - wStartPadded)
          : (hEnd - hStart) * (wEnd - wStart);
        const share = dy[yi]! / divisor;
        for (let h = hStart; h < hEnd; h++) {
          const row = base + h * inW;
          for (let w = wStart; w < wEnd; w++) dx[row + w]! += share;
        }
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
