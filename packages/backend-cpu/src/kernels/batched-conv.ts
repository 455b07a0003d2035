import type { BlockWriter } from '../gemm/gemm-extras';
import type { WasmGemmKernel } from '../gemm/wasm/wasm-kernel';
import { type Im2colPlan, im2colBatchBlock } from './im2col';
import { permuteInto } from './permute';

/**
 * Below this many output positions per image a convolution multiplies the whole batch at once:
 * one GEMM over every image's im2col columns side by side instead of one per image. A GEMM with
 * ~100 columns runs at about half the rate of a wide one here (9 vs 14 GMAC/s for LeNet's
 * second convolution), and the per-call setup (placing the input, packing the weights) is paid
 * once. Larger maps already make wide GEMMs per image and keep the per-image loop, which needs
 * no reordering of the result.
 */
const BATCH_BELOW_POSITIONS = 512;
/** Most input floats the batched product copies into the GEMM's memory at once (16 MiB). */
const MAX_BATCHED_SOURCE = 1 << 22;

/** Whether a convolution of this geometry multiplies its whole batch in one GEMM (see BATCH_BELOW_POSITIONS). */
export function batchesImages(g: { batch: number; groups: number; direct: boolean; outPlane: number; inChannels: number; inPlane: number }): boolean {
  return g.groups === 1 && !g.direct && g.batch > 1 && g.outPlane < BATCH_BELOW_POSITIONS
    && g.batch * g.inChannels * g.inPlane <= MAX_BATCHED_SOURCE;
}

/** The GEMM's B writer over the batch's side-by-side im2col columns (images imageSize floats apart). */
export function batchedIm2colWriter(plan: Im2colPlan, imageSize: number): BlockWriter {
  return (src: Float32Array, srcAt: number, out: Float32Array, outAt: number, r0: number, rows: number, c0: number, cols: number, wasm?: WasmGemmKernel): void => {
    im2colBatchBlock(src, srcAt, plan, imageSize, r0, rows, c0, cols, out, outAt, wasm);
  };
}

/** [a, b, inner] → [b, a, inner]: a batch-major activation to channel-major GEMM columns and back. */
export function swapOuterAxes(values: Float32Array, a: number, b: number, inner: number): Float32Array {
  const out = new Float32Array(values.length);
  permuteInto(values, out, [a, b, inner], [1, 0, 2]);
  return out;
}
