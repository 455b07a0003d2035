import type { Im2colPlan } from './im2col';

/**
 * The adjoint of im2col: adds the [channels·kH·kW, outH·outW] matrix `col` back onto the image
 * at dx[dxOffset], each entry onto the input element its im2col entry was read from. Entries
 * that read padding are dropped; circular padding read a wrapped element, so its entry adds onto
 * that element. Overlapping windows add up, so dx must hold what it should accumulate onto
 * (zeros for a plain gradient).
 */
export function col2im(col: Float32Array, plan: Im2colPlan, dx: Float32Array, dxOffset: number): void {
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
