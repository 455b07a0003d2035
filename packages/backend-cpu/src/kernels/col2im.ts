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
  const { channels, inH, inW, kH, kW, outH, outW, rowTaps, colTaps, colStart, colEnd, colFirst, strideW, circular } = plan;
  const plane = inH * inW;
  let o = 0;
  for (let c = 0; c < channels; c++) {
    const channelStart = dxOffset + c * plane;
    for (let i = 0; i < kH; i++) {
      const rowTapStart = i * outH;
      for (let j = 0; j < kW; j++) {
        const colTapStart = j * outW;
        const start = colStart[j]!, end = colEnd[j]!, firstColumn = colFirst[j]!;
        for (let oh = 0; oh < outH; oh++, o += outW) {
          const ih = rowTaps[rowTapStart + oh]!;
          if (ih < 0) continue;
          const dst = channelStart + ih * inW;
          if (circular) {
            for (let ow = 0; ow < outW; ow++) dx[dst + colTaps[colTapStart + ow]!]! += col[o + ow]!;
            continue;
          }
          // Zero padding cuts only the ends of a row (see planIm2col): one strided run in between.
          let d = dst + firstColumn;
          for (let ow = start; ow < end; ow++, d += strideW) dx[d]! += col[o + ow]!;
        }
      }
    }
  }
}
