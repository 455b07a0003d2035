/**
 * im2col for 1-D and 2-D convolution: unrolls one image (or one group's channels of it) into the
 * [channels·kH·kW, outH·outW] matrix whose product with the [O, channels·kH·kW] weights is the
 * convolution. 1-D is 2-D with H = 1, kH = 1.
 *
 * Where each output position reads is worked out once per call in `planIm2col` as a table per
 * spatial axis (source index per kernel tap and output position, -1 for zero padding). Rows are
 * looked up in it; along a row, zero padding only ever cuts off both ends, so each kernel column
 * copies one strided run between two runs of zeros, while circular padding reads through the table.
 */
import type { WasmGemmKernel } from '../gemm/wasm/wasm-kernel';

/** Below this many values a plain loop copies a contiguous run faster than set() on a new subarray. */
const SET_MIN_RUN = 16;

export interface Im2colPlan {
  readonly channels: number;
  readonly inH: number;
  readonly inW: number;
  readonly kH: number;
  readonly kW: number;
  readonly outH: number;
  readonly outW: number;
  /** Source row for kernel row i and output row oh at [i * outH + oh]; -1 reads a zero. */
  readonly rowTaps: Int32Array;
  /** Source column for kernel column j and output column ow at [j * outW + ow]; -1 reads a zero. */
  readonly colTaps: Int32Array;
  /** Per kernel column, the output columns [colStart, colEnd) that read inside the input. */
  readonly colStart: Int32Array;
  readonly colEnd: Int32Array;
  /** Per kernel column, the input column that output column colStart reads (0 for an empty run). */
  readonly colFirst: Int32Array;
  readonly strideW: number;
  /** The input row output row oh reads for kernel row i is oh·strideH + rowOrigin + i·dilationH (padding outside [0, inH)). */
  readonly strideH: number;
  readonly dilationH: number;
  readonly rowOrigin: number;
  readonly circular: boolean;
  /** Rows of the unrolled matrix: channels · kH · kW. */
  readonly rows: number;
  /** Columns of the unrolled matrix: outH · outW. */
  readonly cols: number;
}

export interface Im2colSpec {
  /** Channels unrolled per call (input channels of one group). */
  readonly channels: number;
  /** One entry per spatial axis (1 or 2 of them) in each of the following. */
  readonly inSize: readonly number[];
  readonly kernel: readonly number[];
  readonly strides: readonly number[];
  readonly dilations: readonly number[];
  /** Padding before each spatial axis (the ends only shape outSize, which the caller resolved). */
  readonly padBegins: readonly number[];
  readonly outSize: readonly number[];
  /** Padding reads wrap around (PyTorch padding_mode='circular') instead of reading zeros. */
  readonly circular: boolean;
}

export function planIm2col(spec: Im2colSpec): Im2colPlan {
  // A 1-D convolution is a 2-D one over a single row.
  const axis = (values: readonly number[], i: number, ifMissing: number): number => (values.length === 2 ? values[i]! : i === 0 ? ifMissing : values[0]!);
  const inH = axis(spec.inSize, 0, 1), inW = axis(spec.inSize, 1, 1);
  const kH = axis(spec.kernel, 0, 1), kW = axis(spec.kernel, 1, 1);
  const outH = axis(spec.outSize, 0, 1), outW = axis(spec.outSize, 1, 1);
  const strideH = axis(spec.strides, 0, 1), dilationH = axis(spec.dilations, 0, 1), padH = axis(spec.padBegins, 0, 0);
  const rowTaps = axisTaps(inH, kH, strideH, dilationH, padH, outH, spec.circular);
  const strideW = axis(spec.strides, 1, 1);
  const colTaps = axisTaps(inW, kW, strideW, axis(spec.dilations, 1, 1), axis(spec.padBegins, 1, 0), outW, spec.circular);
  const colStart = new Int32Array(kW), colEnd = new Int32Array(kW), colFirst = new Int32Array(kW);
  for (let j = 0; j < kW; j++) {
    let start = 0, end = outW;
    while (start < outW && colTaps[j * outW + start]! < 0) start++;
    while (end > start && colTaps[j * outW + end - 1]! < 0) end--;
    colStart[j] = start;
    colEnd[j] = end;
    colFirst[j] = start < end ? colTaps[j * outW + start]! : 0;
  }
  return {
    channels: spec.channels, inH, inW, kH, kW, outH, outW, rowTaps, colTaps, colStart, colEnd, colFirst, strideW,
    strideH, dilationH, rowOrigin: -padH, circular: spec.circular, rows: spec.channels * kH * kW, cols: outH * outW,
  };
}

/**
 * For one axis: the input index that kernel tap t reads for output position o is
 * o·stride − padBegin + t·dilation; outside [0, inSize) it is padding, which reads zero or,
 * circularly, the input index modulo inSize (as if the input were wrapped with F.pad(mode='circular')).
 */
export function axisTaps(inSize: number, kernel: number, stride: number, dilation: number, padBegin: number, outSize: number, circular: boolean): Int32Array {
  const taps = new Int32Array(kernel * outSize);
  for (let t = 0; t < kernel; t++) {
    for (let o = 0; o < outSize; o++) {
      const i = o * stride - padBegin + t * dilation;
      taps[t * outSize + o] = i >= 0 && i < inSize ? i : circular ? ((i % inSize) + inSize) % inSize : -1;
    }
  }
  return taps;
}

/**
 * Writes the unrolled matrix of the `plan.channels` channels starting at x[xOffset] into
 * col[0 : plan.rows · plan.cols], row-major: row (c·kH + i)·kW + j, column oh·outW + ow.
 */
export function im2col(x: Float32Array, xOffset: number, plan: Im2colPlan, col: Float32Array): void {
  const { channels, inH, inW, kH, kW, outH, outW, rowTaps, colTaps, colStart, colEnd, colFirst, strideW, circular } = plan;
  const plane = inH * inW;
  let o = 0;
  for (let c = 0; c < channels; c++) {
    const channelStart = xOffset + c * plane;
    for (let i = 0; i < kH; i++) {
      const rowTapStart = i * outH;
      for (let j = 0; j < kW; j++) {
        const colTapStart = j * outW;
        const start = colStart[j]!, end = colEnd[j]!, firstColumn = colFirst[j]!;
        for (let oh = 0; oh < outH; oh++) {
          const ih = rowTaps[rowTapStart + oh]!;
          if (ih < 0) {
            col.fill(0, o, o + outW);
            o += outW;
            continue;
          }
          const src = channelStart + ih * inW;
          if (circular) {
            for (let ow = 0; ow < outW; ow++) col[o++] = x[src + colTaps[colTapStart + ow]!]!;
            continue;
          }
          if (start > 0) col.fill(0, o, o + start);
          let s = src + firstColumn;
          if (strideW === 1 && end - start >= SET_MIN_RUN) {
            col.set(x.subarray(s, s + end - start), o + start);
          } else {
            for (let ow = start; ow < end; ow++, s += strideW) col[o + ow] = x[s]!;
          }
          if (end < outW) col.fill(0, o + end, o + outW);
          o += outW;
        }
      }
    }
  }
}

/**
 * Rows p0 … p0+rows−1, columns j0 … j0+cols−1 of the matrix im2col writes, row-major with row
 * stride `outStride` (cols unless given), at out[outAt]. The GEMM asks for one KC×NC block at a time and packs it while it
 * is still in cache, so the whole unrolled matrix (several megabytes for a 56×56 map) is never
 * written out and read back. x may be the very array `out` is (the GEMM's module memory, holding
 * a copy of the input): runs then move with copyWithin, which allocates nothing — or, given that
 * module (`wasm`), each row of the block is written by one call of its im2colRow.
 */
export function im2colBlock(
  x: Float32Array, xOffset: number, plan: Im2colPlan, p0: number, rows: number, j0: number, cols: number,
  out: Float32Array, outAt: number, wasm?: WasmGemmKernel, outStride = cols,
): void {
  const { inH, inW, kH, kW, outH, outW, rowTaps, colTaps, colStart, colEnd, colFirst, strideW, circular } = plan;
  const taps = kH * kW;
  const plane = inH * inW;
  const ohFirst = Math.floor(j0 / outW), owFirst = j0 - ohFirst * outW;
  if (wasm !== undefined && !circular && x.buffer === wasm.memory.buffer && out.buffer === wasm.memory.buffer) {
    wasmRows(wasm.im2colRow, plan, xOffset * 4 + x.byteOffset, p0, rows, ohFirst, owFirst, cols, outAt * 4 + out.byteOffset, outStride * 4);
    return;
  }
  for (let p = p0; p < p0 + rows; p++) {
    let o = outAt + (p - p0) * outStride;
    const c = Math.floor(p / taps), tap = p - c * taps;
    const i = Math.floor(tap / kW), j = tap - i * kW;
    const channelStart = xOffset + c * plane;
    const start = colStart[j]!, end = colEnd[j]!, firstColumn = colFirst[j]!;
    let left = cols;
    for (let oh = ohFirst, ow0 = owFirst; left > 0; oh++, ow0 = 0) {
      const ow1 = Math.min(outW, ow0 + left);
      const ih = rowTaps[i * outH + oh]!;
      const base = o - ow0; // out index of output column 0 of this output row
      if (ih < 0) {
        out.fill(0, o, o + ow1 - ow0);
      } else if (circular) {
        const src = channelStart + ih * inW;
        for (let ow = ow0; ow < ow1; ow++) out[base + ow] = x[src + colTaps[j * outW + ow]!]!;
      } else {
        // Inside [start, end) output column ow reads input column firstColumn + (ow − start)·stride.
        const from = Math.max(ow0, start), to = Math.min(ow1, end);
        if (from >= to) {
          out.fill(0, o, o + ow1 - ow0);
        } else {
          if (from > ow0) out.fill(0, o, base + from);
          let s = channelStart + ih * inW + firstColumn + (from - start) * strideW;
          if (strideW === 1 && x === out) {
            out.copyWithin(base + from, s, s + to - from);
          } else if (strideW === 1 && to - from >= SET_MIN_RUN) {
            out.set(x.subarray(s, s + to - from), base + from);
          } else {
            for (let ow = from; ow < to; ow++, s += strideW) out[base + ow] = x[s]!;
          }
          if (to < ow1) out.fill(0, base + to, base + ow1);
        }
      }
      o += ow1 - ow0;
      left -= ow1 - ow0;
    }
  }
}

/**
 * im2colBlock over a batch: the matrix whose columns are every image's im2col columns side by
 * side (image n's output position q is column n·plan.cols + q), with image n at
 * x[xOffset + n·imageSize]. One product over this matrix replaces one per image, which for
 * small maps (LeNet's 10×10) spends more on each call's setup than on the multiply.
 */
export function im2colBatchBlock(
  x: Float32Array, xOffset: number, plan: Im2colPlan, imageSize: number,
  p0: number, rows: number, j0: number, cols: number, out: Float32Array, outAt: number, wasm?: WasmGemmKernel,
): void {
  const module = wasm !== undefined && !plan.circular && x.buffer === wasm.memory.buffer && out.buffer === wasm.memory.buffer ? wasm : undefined;
  forEachImageRun(plan.cols, j0, cols, module !== undefined, (n, q, take, images, at) => {
    if (module !== undefined && images > 1) {
      // Whole images in a row: one im2colRow call per row covers them all.
      wasmRows(module.im2colRow, plan, (xOffset + n * imageSize) * 4 + x.byteOffset, p0, rows, 0, 0, plan.cols, (outAt + at) * 4 + out.byteOffset, cols * 4, images, imageSize * 4);
    } else {
      im2colBlock(x, xOffset + n * imageSize, plan, p0, rows, q, take, out, outAt + at, module, cols);
    }
  });
}

/**
 * Splits columns j0 … j0+cols−1 of a batch's side-by-side matrices (perImage columns each) into
 * runs within one image — fn(n, q, take, 1, at): image n's columns q … q+take−1, at column
 * j0 + at — or, when `wholeImages`, runs of whole images: fn(n, 0, perImage, images, at).
 */
export function forEachImageRun(
  perImage: number, j0: number, cols: number, wholeImages: boolean,
  fn: (n: number, q: number, take: number, images: number, at: number) => void,
): void {
  for (let j = j0; j < j0 + cols;) {
    const n = Math.floor(j / perImage), q = j - n * perImage;
    const whole = wholeImages && q === 0 ? Math.floor((j0 + cols - j) / perImage) : 0;
    if (whole > 1) {
      fn(n, 0, perImage, whole, j - j0);
      j += whole * perImage;
    } else {
      const take = Math.min(perImage - q, j0 + cols - j);
      fn(n, q, take, 1, j - j0);
      j += take;
    }
  }
}

/**
 * Rows p0 … p0+rows−1 of the im2col matrix, over `cols` columns from output row ohFirst, column
 * owFirst, each by one call of the module's im2colRow (or col2imRow: `row` decides the direction);
 * row p's columns are at colBytes + (p − p0)·colRowBytes, the image's channel 0 at imageBytes;
 * with `images` > 1, whole images imageStrideBytes apart, their columns one after another.
 */
export function wasmRows(
  row: WasmGemmKernel['im2colRow'], plan: Im2colPlan, imageBytes: number,
  p0: number, rows: number, ohFirst: number, owFirst: number, cols: number, colBytes: number, colRowBytes: number,
  images = 1, imageStrideBytes = 0,
): void {
  const { inH, inW, kH, kW, outW, colStart, colEnd, colFirst, strideW, strideH, dilationH, rowOrigin } = plan;
  const taps = kH * kW, planeBytes = inH * inW * 4, strideBytes = strideW * 4;
  for (let p = p0; p < p0 + rows; p++) {
    const c = Math.floor(p / taps), tap = p - c * taps;
    const i = Math.floor(tap / kW), j = tap - i * kW;
    const start = colStart[j]!;
    row(
      colBytes + (p - p0) * colRowBytes, imageBytes + c * planeBytes, ohFirst * strideH + rowOrigin + i * dilationH, strideH, inH, inW * 4,
      owFirst, cols, outW, start, colEnd[j]!, colFirst[j]! * 4 - start * strideBytes, strideBytes, images, imageStrideBytes,
    );
  }
}
