import type { AvgPoolAttrs, Tensor } from '@cnnkit/core';
import { cpuTensor, f32 } from '../tensor';
import { type PoolWindow, poolWindow } from './pooling-window';

/**
 * Mean over each window with PyTorch's divisor. The window is first cut at the end padding
 * (input + padEnd), which is what ceilMode's overhanging last window counts with
 * countIncludePad; then it is clipped to the input, and without countIncludePad the divisor is
 * the number of real elements left.
 */
export function avgPoolPlanes(x: Float32Array, y: Float32Array, g: PoolWindow, countIncludePad: boolean): void {
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
      for (let ow = 0; ow < outW; ow++) {
        const wStartPadded = ow * strideW - padLeft;
        const wEndPadded = Math.min(wStartPadded + kernelW, wLimit);
        const wStart = Math.max(wStartPadded, 0);
        const wEnd = Math.min(wEndPadded, inW);
        if (hStart >= hEnd || wStart >= wEnd) {
          // A window of padding only (PyTorch writes 0); core's pad limits make this unreachable.
          y[yi++] = 0;
          continue;
        }
        let sum = 0;
        for (let h = hStart; h < hEnd; h++) {
          const row = base + h * inW;
          for (let w = wStart; w < wEnd; w++) sum += x[row + w]!;
        }
        const divisor = countIncludePad
          ? (hEndPadded - hStartPadded) * (wEndPadded - wStartPadded)
          : (hEnd - hStart) * (wEnd - wStart);
        y[yi++] = sum / divisor;
      }
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
