import { CnnkitError } from '@cnnkit/core';
import { type BlockWriter, type GemmExtras, NO_EXTRAS, applyEpilogue, checkReadC, materializeB, readWholeC, storeRows } from '../gemm-extras';
import { gemmEdgeCase } from '../small-m';
import { WASM_MR, WASM_NR } from './gemm-module';
import { type WasmGemmKernel, type WasmPackFunction, wasmGemmKernel, wasmHeap } from './wasm-kernel';

/**
 * Block sizes of the wasm GEMM (see ../blocking.ts for the layering). An MR×KC sliver of A and a
 * KC×NR sliver of B are 4 KiB + 8 KiB of L1; the MC×KC block of A is 128 KiB of L2; the KC×NC
 * panel of B is 512 KiB.
 */
export const WASM_KC = 256;
export const WASM_MC = 128;
export const WASM_NC = 512;
/**
 * Most floats of C held in the module's memory at once (16 MiB): the column block narrows below
 * NC when m is so large that m × NC would pass it.
 */
const MAX_C_BLOCK = 1 << 22;
/** Below this many floats a plain loop copies a row faster than set() on a new subarray. */
const SET_MIN_COLUMNS = 32;

/**
 * gemm() (same contract, see ../gemm.ts) with the macro-kernel in WebAssembly SIMD. C is worked
 * on an m × NC column block at a time inside the module's memory. For every depth block, B is
 * packed KC×NC and A MC×KC into the module's memory (staged with set(), a memcpy, then
 * rearranged into panels by wasm: element-wise packing in JavaScript costs more than the
 * multiply when m is small) and one macroKernel call multiplies them into the block (f32x4
 * accumulators over the depth block): writing over it for the first depth block with beta 0,
 * else adding onto it (beta 1 loads C into the block first). The finished block is copied back
 * into the caller's C. Transposes are absorbed by packing.
 *
 * Edge panels are padded to whole tiles with whatever follows in the staging area, not zeros:
 * a padded row of A only reaches a padded row of the C block and a padded column of B only a
 * padded column, and the copy back never reads those, so zeroing them would be wasted work.
 */
export function wasmGemm(
  m: number, n: number, k: number,
  a: Float32Array, aOffset: number, lda: number, transA: boolean,
  b: Float32Array, bOffset: number, ldb: number, transB: boolean,
  c: Float32Array, cOffset: number, ldc: number,
  beta: 0 | 1,
  extras: GemmExtras = NO_EXTRAS,
): void {
  checkReadC(beta, extras);
  if (wasmGemmEdgeCase(m, n, k, a, aOffset, lda, transA, b, bOffset, ldb, transB, c, cOffset, ldc, beta, extras)) return;
  const { packedA, writeB } = extras;
  if (packedA !== undefined && (packedA.m !== m || packedA.k !== k)) {
    throw new CnnkitError('INVALID_ARGUMENT', `wasmGemm was given A packed as ${packedA.m}×${packedA.k} for a ${m}×${k} product; expected the same shape`, { m, k });
  }
  const mPadded = roundUp(m, WASM_MR);
  const ncBlock = Math.max(WASM_NR, Math.min(WASM_NC, Math.floor(MAX_C_BLOCK / mPadded / WASM_NR) * WASM_NR));
  const kcMax = Math.min(k, WASM_KC);
  const mcMax = Math.min(mPadded, WASM_MC);
  const ncMax = Math.min(roundUp(n, WASM_NR), ncBlock);
  // Layout in floats: packed A, packed B, the C block, the staging area; each a multiple of 4
  // floats, so 16-byte aligned.
  const paAt = 0;
  const pbAt = paAt + mcMax * kcMax;
  const csAt = pbAt + ncMax * kcMax;
  const stageAt = csAt + mPadded * ncMax;
  const places = extrasPlaces(stageAt + Math.max(mcMax, ncMax) * kcMax, m, extras);
  const kernel = wasmGemmKernel();
  const heap = wasmHeap(kernel, places.end * 4);
  placeExtras(heap, places, b, bOffset, m, extras);
  const { macroKernel, macroKernelOverwrite } = kernel;
  const packA = transA ? kernel.packCopyA : kernel.packGatherA;

  for (let jc = 0; jc < n; jc += ncBlock) {
    const nc = Math.min(ncBlock, n - jc);
    const ncPadded = roundUp(nc, WASM_NR);
    if (beta === 1) moveRows(c, cOffset + jc, ldc, heap, csAt, ncPadded, m, nc);
    for (let pc = 0; pc < k; pc += WASM_KC) {
      const kc = Math.min(WASM_KC, k - pc);
      const multiply = beta === 0 && pc === 0 ? macroKernelOverwrite : macroKernel;
      packBBlock(kernel, heap, stageAt, pbAt, places.sourceAt, b, bOffset, ldb, transB, writeB, pc, kc, jc, nc);
      for (let ic = 0; ic < m; ic += WASM_MC) {
        const mc = Math.min(WASM_MC, m - ic);
        if (packedA === undefined) {
          stageAndPack(packA, transA, WASM_MR, a, aOffset, lda, ic, mc, pc, kc, heap, stageAt, paAt);
        } else {
          const at = packedA.blockAt[(pc / WASM_KC) * packedA.mBlocks + ic / WASM_MC]!;
          heap.set(packedA.data.subarray(at, at + roundUp(mc, WASM_MR) * kc), paAt);
        }
        multiply(roundUp(mc, WASM_MR), ncPadded, kc, paAt * 4, pbAt * 4, (csAt + ic * ncPadded) * 4, ncPadded * 4);
      }
    }
    storeCBlock(kernel, heap, csAt, places, c, cOffset, jc, ldc, m, nc, ncPadded, extras);
  }
  finishExtras(heap, places, extras);
}

/** Float indices, after the staging area, of the block writer's source copy, the bias and the C reader's target, and the end. */
export interface ExtrasPlaces {
  readonly sourceAt: number;
  readonly biasAt: number;
  readonly targetAt: number;
  readonly end: number;
}

export function extrasPlaces(after: number, m: number, extras: GemmExtras): ExtrasPlaces {
  const sourceAt = after;
  const biasAt = sourceAt + (extras.writeB === undefined ? 0 : roundUp(extras.bSourceLength ?? 0, 4));
  const targetAt = biasAt + (extras.rowBias === undefined ? 0 : roundUp(m, 4));
  return { sourceAt, biasAt, targetAt, end: targetAt + (extras.readC === undefined ? 0 : roundUp(extras.readCTarget?.length ?? 0, 4)) };
}

/** Copies what the extras read into the module's memory: the block writer's source (B's rows from bOffset), the row bias, the C reader's target. */
export function placeExtras(heap: Float32Array, places: ExtrasPlaces, b: Float32Array, bOffset: number, m: number, extras: GemmExtras): void {
  if (extras.rowBias !== undefined) heap.set(extras.rowBias.subarray(extras.rowBiasAt ?? 0, (extras.rowBiasAt ?? 0) + m), places.biasAt);
  if (extras.writeB !== undefined) heap.set(b.subarray(bOffset, bOffset + (extras.bSourceLength ?? 0)), places.sourceAt);
  if (extras.readC !== undefined && extras.readCTarget !== undefined) heap.set(extras.readCTarget, places.targetAt);
}

/** Copies the C reader's target back out of the module's memory once the product is done. */
export function finishExtras(heap: Float32Array, places: ExtrasPlaces, extras: GemmExtras): void {
  const target = extras.readCTarget;
  if (extras.readC !== undefined && target !== undefined) target.set(heap.subarray(places.targetAt, places.targetAt + target.length));
}

/** B's block for depth pc…pc+kc and columns jc…jc+nc, staged and packed at pbAt: from b, or from the block writer. */
export function packBBlock(
  kernel: WasmGemmKernel, heap: Float32Array, stageAt: number, pbAt: number, sourceAt: number,
  b: Float32Array, bOffset: number, ldb: number, transB: boolean, writeB: BlockWriter | undefined,
  pc: number, kc: number, jc: number, nc: number,
): void {
  if (writeB === undefined) {
    stageAndPack(transB ? kernel.packGatherB : kernel.packCopyB, !transB, WASM_NR, b, bOffset, ldb, jc, nc, pc, kc, heap, stageAt, pbAt);
  } else {
    writeAndPackB(kernel, writeB, transB, heap, sourceAt, stageAt, pbAt, pc, kc, jc, nc);
  }
}

/**
 * The finished m × nc C block (columns jc…jc+nc, row stride ncPadded, at csAt) into the caller's
 * C, or to the C reader: the epilogue, if any, runs in wasm on the block (branch-free relu), and
 * the copy out is then a plain one.
 */
export function storeCBlock(
  kernel: WasmGemmKernel, heap: Float32Array, csAt: number, places: ExtrasPlaces,
  c: Float32Array, cOffset: number, jc: number, ldc: number, m: number, nc: number, ncPadded: number, extras: GemmExtras,
): void {
  const epilogueDone = wasmEpilogue(kernel, extras, csAt, m, ncPadded, places.biasAt);
  if (extras.readC !== undefined) {
    extras.readC(heap, csAt, ncPadded, m, jc, nc, heap, places.targetAt, kernel);
  } else if (epilogueDone) {
    moveRows(heap, csAt, ncPadded, c, cOffset + jc, ldc, m, nc);
  } else {
    storeRows(heap, csAt, ncPadded, c, cOffset + jc, ldc, 0, m, nc, extras);
  }
}

/**
 * Has the block writer write B's block for depth pc…pc+kc and columns jc…jc+nc into the staging
 * area, as stored (kc rows of nc, or nc rows of kc when transposed), and packs it like stageAndPack.
 */
export function writeAndPackB(
  kernel: WasmGemmKernel, writeB: BlockWriter, transB: boolean, heap: Float32Array,
  sourceAt: number, stageAt: number, pbAt: number, pc: number, kc: number, jc: number, nc: number,
): void {
  const panels = Math.ceil(nc / WASM_NR);
  if (transB) {
    writeB(heap, sourceAt, heap, stageAt, jc, nc, pc, kc, kernel);
    kernel.packGatherB(stageAt * 4, kc * 4, kc, panels, pbAt * 4);
  } else {
    writeB(heap, sourceAt, heap, stageAt, pc, kc, jc, nc, kernel);
    kernel.packCopyB(stageAt * 4, nc * 4, kc, panels, pbAt * 4);
  }
}

/**
 * Runs extras' epilogue (bias copied to float index biasAt, relu) on the m rows of the C block at
 * csAt in the module's memory with the module's epilogue functions. Returns whether there was one.
 */
export function wasmEpilogue(kernel: WasmGemmKernel, extras: GemmExtras, csAt: number, m: number, ncPadded: number, biasAt: number): boolean {
  const { rowBias, relu } = extras;
  if (rowBias === undefined && relu !== true) return false;
  const run = rowBias === undefined ? kernel.relu : relu === true ? kernel.biasRelu : kernel.bias;
  run(csAt * 4, m, ncPadded / 4, ncPadded * 4, biasAt * 4);
  return true;
}

/**
 * The products wasmGemm does not pack for (see gemmEdgeCase), with the extras honoured: B
 * written whole when a writer stands in for it, the epilogue applied to the finished C.
 */
export function wasmGemmEdgeCase(
  m: number, n: number, k: number,
  a: Float32Array, aOffset: number, lda: number, transA: boolean,
  b: Float32Array, bOffset: number, ldb: number, transB: boolean,
  c: Float32Array, cOffset: number, ldc: number,
  beta: 0 | 1,
  extras: GemmExtras,
): boolean {
  if (m > 0 && n > 0 && k > 0 && m >= WASM_MR) return false;
  const { readC, ...storing } = extras;
  if (readC !== undefined) {
    return readWholeC(m, n, extras, (whole) => wasmGemmEdgeCase(m, n, k, a, aOffset, lda, transA, b, bOffset, ldb, transB, whole, 0, n, 0, { ...storing, rowBias: undefined, relu: undefined }));
  }
  if (extras.writeB !== undefined && m > 0 && n > 0 && k > 0) {
    const [rows, cols] = transB ? [n, k] : [k, n];
    gemmEdgeCase(WASM_MR, m, n, k, a, aOffset, lda, transA, materializeB(extras.writeB, b, bOffset, rows, cols), 0, cols, transB, c, cOffset, ldc, beta);
  } else {
    gemmEdgeCase(WASM_MR, m, n, k, a, aOffset, lda, transA, b, bOffset, ldb, transB, c, cOffset, ldc, beta);
  }
  applyEpilogue(c, cOffset, ldc, Math.max(m, 0), Math.max(n, 0), extras);
  return true;
}

/**
 * op(A) packed once for every product that reuses it (a compiled convolution's constant weights):
 * the MR-row panels of each MC×KC block, exactly as wasmGemm would pack them, one block after
 * another. wasmGemm then copies a block into place with one set() instead of staging and
 * repacking A on every call — for a batch-1 network, whose weights outweigh its activations,
 * that repacking was the largest cost after the multiply itself.
 */
export interface WasmPackedA {
  readonly m: number;
  readonly k: number;
  /** Blocks of A along m (MC rows each). */
  readonly mBlocks: number;
  readonly data: Float32Array;
  /** Where block (pc / KC, ic / MC) starts in data, at [(pc / KC) · mBlocks + ic / MC]. */
  readonly blockAt: Int32Array;
}

/** Packs op(A) for wasmGemm's `packedA`; undefined where wasmGemm would not pack A at all (m < MR, or nothing to multiply). */
export function packWasmA(m: number, k: number, a: Float32Array, aOffset: number, lda: number, transA: boolean): WasmPackedA | undefined {
  if (m < WASM_MR || k <= 0) return undefined;
  const kernel = wasmGemmKernel();
  const mcMax = Math.min(roundUp(m, WASM_MR), WASM_MC);
  const kcMax = Math.min(k, WASM_KC);
  const paAt = 0;
  const stageAt = mcMax * kcMax;
  const heap = wasmHeap(kernel, (stageAt + mcMax * kcMax) * 4);
  const pack = transA ? kernel.packCopyA : kernel.packGatherA;
  const mBlocks = Math.ceil(m / WASM_MC);
  const blockAt = new Int32Array(mBlocks * Math.ceil(k / WASM_KC));
  // MC is a multiple of MR, so the padded blocks add up to roundUp(m, MR) rows of depth k.
  const data = new Float32Array(roundUp(m, WASM_MR) * k);
  let at = 0;
  for (let pc = 0; pc < k; pc += WASM_KC) {
    const kc = Math.min(WASM_KC, k - pc);
    for (let ic = 0; ic < m; ic += WASM_MC) {
      const mc = Math.min(WASM_MC, m - ic);
      stageAndPack(pack, transA, WASM_MR, a, aOffset, lda, ic, mc, pc, kc, heap, stageAt, paAt);
      const size = roundUp(mc, WASM_MR) * kc;
      data.set(heap.subarray(paAt, paAt + size), at);
      blockAt[(pc / WASM_KC) * mBlocks + ic / WASM_MC] = at;
      at += size;
    }
  }
  return { m, k, mBlocks, data, blockAt };
}

/**
 * Packs op(X)[i0 : i0+count, p0 : p0+depth] — i along the panels' width, p along the depth —
 * into ceil(count / width) panels at float index dstAt. op(X)(i, p) is x[xOffset + p·ld + i]
 * when `widthContiguous` (staged as depth rows of count, for packCopy) and x[xOffset + i·ld + p]
 * otherwise (staged as count rows of depth, for packGather). The last panel reads up to
 * width − 1 values past the staged ones (see wasmGemm on padding); the staging area, sized for
 * padded blocks, holds them.
 */
export function stageAndPack(
  pack: WasmPackFunction, widthContiguous: boolean, width: number,
  x: Float32Array, xOffset: number, ld: number,
  i0: number, count: number, p0: number, depth: number,
  heap: Float32Array, stageAt: number, dstAt: number,
): void {
  const panels = Math.ceil(count / width);
  if (widthContiguous) {
    moveRows(x, xOffset + p0 * ld + i0, ld, heap, stageAt, count, depth, count);
    pack(stageAt * 4, count * 4, depth, panels, dstAt * 4);
  } else {
    moveRows(x, xOffset + i0 * ld + p0, ld, heap, stageAt, depth, count, depth);
    pack(stageAt * 4, depth * 4, depth, panels, dstAt * 4);
  }
}

/** Copies `rows` rows of `cols` floats between two row-major layouts; one set() when both are dense. */
export function moveRows(
  from: Float32Array, fromAt: number, fromStride: number,
  to: Float32Array, toAt: number, toStride: number,
  rows: number, cols: number,
): void {
  if (fromStride === cols && toStride === cols) {
    to.set(from.subarray(fromAt, fromAt + rows * cols), toAt);
    return;
  }
  for (let i = 0; i < rows; i++) {
    const src = fromAt + i * fromStride;
    const dst = toAt + i * toStride;
    if (cols >= SET_MIN_COLUMNS) {
      to.set(from.subarray(src, src + cols), dst);
    } else {
      for (let j = 0; j < cols; j++) to[dst + j] = from[src + j]!;
    }
  }
}

export function roundUp(x: number, multiple: number): number {
  return Math.ceil(x / multiple) * multiple;
}
