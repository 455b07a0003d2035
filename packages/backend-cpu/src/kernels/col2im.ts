import { wasmGemmKernel, wasmHeap } from '../gemm/wasm/wasm-kernel';
import { wasmElementwiseAvailable } from '../gemm/wasm/elementwise';
import { type Im2colPlan, wasmRows } from './im2col';

/**
 * The adjoint of im2col: adds the [channels·kH·kW, outH·outW] matrix `col` back onto the image
 * at dx[dxOffset], each entry onto the input element its im2col entry was read from. Entries
 * that read padding are dropped; circular padding read a wrapped element, so its entry adds onto
 * that element. Overlapping windows add up, so dx must hold what it should accumulate onto
 * (zeros for a plain gradient).
 *
 * Without circular padding the rows go through the wasm module's col2imRow (f32x4 adds along a
 * contiguous run) on copies of col and of the image: a JavaScript loop over a 10×10 map spends
 * more on loop overhead than on the adds. The adds happen in the same order either way.
 */
export function col2im(col: Float32Array, plan: Im2colPlan, dx: Float32Array, dxOffset: number): void {
  if (!plan.circular && wasmElementwiseAvailable()) {
    const kernel = wasmGemmKernel();
    const image = plan.channels * plan.inH * plan.inW;
    const colAt = roundUp4(image);
    const heap = wasmHeap(kernel, (colAt + col.length) * 4);
    heap.set(dx.subarray(dxOffset, dxOffset + image), 0);
    heap.set(col, colAt);
    wasmRows(kernel.col2imRow, plan, 0, 0, plan.rows, 0, 0, plan.cols, colAt * 4, plan.cols * 4);
    dx.set(heap.subarray(0, image), dxOffset);
    return;
  }
  col2imPlain(col, plan, dx, dxOffset);
}

function roundUp4(n: number): number {
  return Math.ceil(n / 4) * 4;
}

/** col2im in plain TypeScript: the reference the wasm rows are tested against, and the circular case. */
export function col2imPlain(col: Float32Array, plan: Im2colPlan, dx: Float32Array, dxOffset: number): void {
  col2imBlock(col, 0, plan.cols, plan, 0, plan.cols, dx, dxOffset);
}

/**
 * col2im of columns j0 … j0+cols−1 of the col matrix only (every row), row p of them at
 * col[colAt + p·colStride], in plain TypeScript: im2colBlock's adjoint, in the same order as
 * col2imPlain over those columns.
 */
export function col2imBlock(col: Float32Array, colAt: number, colStride: number, plan: Im2colPlan, j0: number, cols: number, dx: Float32Array, dxOffset: number): void {
  const { inH, inW, kH, kW, outH, outW, rowTaps, colTaps, colStart, colEnd, colFirst, strideW, circular } = plan;
  const taps = kH * kW, plane = inH * inW;
  const ohFirst = Math.floor(j0 / outW), owFirst = j0 - ohFirst * outW;
  for (let p = 0; p < plan.rows; p++) {
    const c = Math.floor(p / taps), tap = p - c * taps;
    const i = Math.floor(tap / kW), j = tap - i * kW;
    const channelStart = dxOffset + c * plane;
    const start = colStart[j]!, end = colEnd[j]!, firstColumn = colFirst[j]!;
    let o = colAt + p * colStride, left = cols;
    for (let oh = ohFirst, ow0 = owFirst; left > 0; oh++, ow0 = 0) {
      const ow1 = Math.min(outW, ow0 + left);
      const ih = rowTaps[i * outH + oh]!;
      const base = o - ow0; // col index of output column 0 of this output row
      if (ih >= 0) {
        const dst = channelStart + ih * inW;
        if (circular) {
          for (let ow = ow0; ow < ow1; ow++) dx[dst + colTaps[j * outW + ow]!]! += col[base + ow]!;
        } else {
          // Zero padding cuts only the ends of a row (see planIm2col): one strided run in between.
          const from = Math.max(ow0, start), to = Math.min(ow1, end);
          let d = dst + firstColumn + (from - start) * strideW;
          for (let ow = from; ow < to; ow++, d += strideW) dx[d]! += col[base + ow]!;
        }
      }
      o += ow1 - ow0;
      left -= ow1 - ow0;
    }
  }
}
