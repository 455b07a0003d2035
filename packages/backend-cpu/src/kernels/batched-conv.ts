import type { BlockWriter, CBlockReader } from '../gemm/gemm-extras';
import type { WasmGemmKernel } from '../gemm/wasm/wasm-kernel';
import { col2imBlock } from './col2im';
import { type Im2colPlan, forEachImageRun, im2colBatchBlock, wasmRows } from './im2col';
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

/**
 * The GEMM's C reader for the input gradient over the batch: each finished block of the
 * side-by-side col matrices (all rows, some columns) is added back onto its images (col2im) in
 * the target, straight from the GEMM's memory, whole images at a time through the module's
 * col2imRow.
 */
export function batchedCol2imReader(plan: Im2colPlan, imageSize: number): CBlockReader {
  return (block, blockAt, stride, rows, c0, cols, target, targetAt, wasm) => {
    const module = wasm !== undefined && !plan.circular && block.buffer === wasm.memory.buffer && target.buffer === wasm.memory.buffer ? wasm : undefined;
    forEachImageRun(plan.cols, c0, cols, module !== undefined, (n, q, take, images, at) => {
      if (module !== undefined) {
        const ohFirst = Math.floor(q / plan.outW);
        wasmRows(
          module.col2imRow, plan, (targetAt + n * imageSize) * 4 + target.byteOffset, 0, rows, ohFirst, q - ohFirst * plan.outW, take,
          (blockAt + at) * 4 + block.byteOffset, stride * 4, images, imageSize * 4,
        );
      } else {
        col2imBlock(block, blockAt + at, stride, plan, q, take, target, targetAt + n * imageSize);
      }
    });
  };
}

/** [a, b, inner] → [b, a, inner]: a batch-major activation to channel-major GEMM columns and back. */
export function swapOuterAxes(values: Float32Array, a: number, b: number, inner: number): Float32Array {
  const out = new Float32Array(values.length);
  permuteInto(values, out, [a, b, inner], [1, 0, 2]);
  return out;
}
