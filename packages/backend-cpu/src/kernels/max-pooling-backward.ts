import type { MaxPoolAttrs, Tensor } from '@cnnkit/core';
import { wasmMaxPool2x2Backward, wasmMaxPool2x2Fits } from '../gemm/wasm/max-pool-2x2';
import { cpuTensor, f32 } from '../tensor';
import { inferOutputShape } from './infer-output';
import { isPlainTwoByTwo } from './max-pooling';
import { type PoolWindow, poolWindow, windowTaps } from './pooling-window';

/**
 * Routes each dy to the element its window picked, with PyTorch's choice of that element: the
 * scan (row-major over the real taps) keeps the FIRST of equal maxima, but a NaN always takes
 * over, so the LAST NaN of a window wins; a window of -Infinity only picks its first real element.
 * dx must be zeroed; windows that overlap add up.
 */
export function maxPoolBackwardPlanes(x: Float32Array, dy: Float32Array, dx: Float32Array, g: PoolWindow): void {
  if (isPlainTwoByTwo(g)) {
    maxPoolBackwardTwoByTwo(x, dy, dx, g);
    return;
  }
  const { first, rows, cols, rowStep, colStep } = windowTaps(g);
  const inPlane = g.inH * g.inW;
  let yi = 0;
  for (let p = 0; p < g.planes; p++) {
    const base = p * inPlane;
    for (let q = 0; q < first.length; q++, yi++) {
      const hTaps = rows[q]!, wTaps = cols[q]!;
      // A window of padding only has nothing to route to (core's pad limits rule it out).
      if (hTaps === 0 || wTaps === 0) continue;
      let best = -Infinity;
      let at = base + first[q]!;
      for (let kh = 0, row = at; kh < hTaps; kh++, row += rowStep) {
        for (let kw = 0, i = row; kw < wTaps; kw++, i += colStep) {
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

/**
 * maxPoolBackwardPlanes for isPlainTwoByTwo pools: the same scan and tie rule, unrolled (windows
 * do not overlap); four windows at a time in wasm where they are four or more to a row.
 */
function maxPoolBackwardTwoByTwo(x: Float32Array, dy: Float32Array, dx: Float32Array, g: PoolWindow): void {
  if (wasmMaxPool2x2Fits(g.outW)) {
    wasmMaxPool2x2Backward(x, dy, dx, g);
    return;
  }
  const { inW, outH, outW } = g;
  const inPlane = g.inH * inW;
  let yi = 0;
  for (let p = 0; p < g.planes; p++) {
    for (let oh = 0; oh < outH; oh++) {
      const r0 = p * inPlane + 2 * oh * inW, r1 = r0 + inW;
      for (let ow = 0, c = 0; ow < outW; ow++, c += 2, yi++) {
        let at = r0 + c, best = x[at]!;
        let v = x[r0 + c + 1]!;
        if (v > best || v !== v) { best = v; at = r0 + c + 1; }
        v = x[r1 + c]!;
        if (v > best || v !== v) { best = v; at = r1 + c; }
        v = x[r1 + c + 1]!;
        if (v > best || v !== v) { at = r1 + c + 1; }
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
