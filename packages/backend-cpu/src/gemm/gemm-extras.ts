import { CnnkitError } from '@cnnkit/core';
import type { WasmPackedA } from './wasm/wasm-gemm';
import type { WasmGemmKernel } from './wasm/wasm-kernel';

/**
 * Writes rows r0 … r0+rows−1, columns c0 … c0+cols−1 of B as stored — k×n, or n×k when the
 * product reads it transposed (transB) — row-major (rows of `cols` floats) at out[outAt],
 * reading the caller's b through `src` from `srcAt` (b itself from bOffset, or a copy of
 * b[bOffset, bOffset + bSourceLength) the GEMM put next to its staging area, in the same array as
 * `out`, so the writer can move runs with copyWithin). B made a block at a time instead of held
 * whole: a convolution's im2col matrix, larger than the cache, is written straight into the
 * GEMM's staging area while it stays in cache (kernels/im2col.ts, im2colBlock). The wasm GEMMs
 * also pass the module whose memory `src` and `out` are, so the writer can use its functions.
 */
export type BlockWriter = (src: Float32Array, srcAt: number, out: Float32Array, outAt: number, r0: number, rows: number, c0: number, cols: number, wasm?: WasmGemmKernel) => void;

/**
 * Takes each finished block of C instead of it being stored into the caller's c: all m rows,
 * columns c0 … c0+cols−1, row-major with row stride `stride` at block[blockAt], the epilogue
 * already applied. It adds what it makes of the block into `target` at targetAt: the caller's
 * readCTarget itself, or a copy of it in the same array as the block (the module's memory, with
 * `wasm` its module), copied back once the product is done. A convolution's input gradient
 * scatters its col matrix back onto the image this way (col2im) while the block is in cache,
 * without storing col.
 */
export type CBlockReader = (
  block: Float32Array, blockAt: number, stride: number, rows: number, c0: number, cols: number,
  target: Float32Array, targetAt: number, wasm?: WasmGemmKernel,
) => void;

/** What a caller may add to a gemm() call beyond C = op(A)·op(B) + beta·C. */
export interface GemmExtras {
  /** op(A) packed ahead by packGemmA (ignored by the implementations that do not pack A). */
  readonly packedA?: WasmPackedA;
  /** B written on demand from b[bOffset, bOffset + bSourceLength); ldb is then not used (transB still says how B is stored). */
  readonly writeB?: BlockWriter;
  readonly bSourceLength?: number;
  /**
   * Given the module, writeB changes memory only through the module's functions (im2col rows),
   * never with JavaScript stores: a threaded GEMM may then record its calls for a column share
   * and have a worker make them (threaded-wasm-gemm.ts).
   */
  readonly writeBInWasm?: boolean;
  /** Epilogue: C[i, :] += rowBias[rowBiasAt + i] after the product. */
  readonly rowBias?: Float32Array;
  readonly rowBiasAt?: number;
  /** Epilogue: relu of the finished C (NaN stays NaN, as the relu kernel). */
  readonly relu?: boolean;
  /** C handed to this reader block by block instead of stored (c, cOffset and ldc are then not used; beta must be 0). */
  readonly readC?: CBlockReader;
  readonly readCTarget?: Float32Array;
}

export const NO_EXTRAS: GemmExtras = {};

/** Whether the extras ask for an epilogue on C. */
export function hasEpilogue(extras: GemmExtras): boolean {
  return extras.rowBias !== undefined || extras.relu === true;
}

/** B as stored, dense (rows × cols, so ldb = cols), from the writer: for the paths that read B whole. */
export function materializeB(writeB: BlockWriter, b: Float32Array, bOffset: number, rows: number, cols: number): Float32Array {
  const dense = new Float32Array(rows * cols);
  writeB(b, bOffset, dense, 0, 0, rows, 0, cols);
  return dense;
}

/**
 * Copies `rows` rows of `cols` floats of a C block to the caller's C, applying the epilogue on
 * the way: rows first..first+rows−1 of the product; one set() per row when there is none.
 */
export function storeRows(
  from: Float32Array, fromAt: number, fromStride: number,
  to: Float32Array, toAt: number, toStride: number,
  firstRow: number, rows: number, cols: number, extras: GemmExtras,
): void {
  const { rowBias, relu } = extras;
  const biasAt = (extras.rowBiasAt ?? 0) + firstRow;
  for (let i = 0; i < rows; i++) {
    const src = fromAt + i * fromStride, dst = toAt + i * toStride;
    const add = rowBias === undefined ? 0 : rowBias[biasAt + i]!;
    if (relu) {
      for (let j = 0; j < cols; j++) {
        const v = from[src + j]! + add;
        to[dst + j] = v < 0 ? 0 : v;
      }
    } else if (rowBias !== undefined) {
      for (let j = 0; j < cols; j++) to[dst + j] = from[src + j]! + add;
    } else if (cols >= 32) {
      to.set(from.subarray(src, src + cols), dst);
    } else {
      for (let j = 0; j < cols; j++) to[dst + j] = from[src + j]!;
    }
  }
}

/** The epilogue over C in place (for the paths that finish C before it applies). */
export function applyEpilogue(c: Float32Array, cOffset: number, ldc: number, m: number, n: number, extras: GemmExtras): void {
  if (hasEpilogue(extras)) storeRows(c, cOffset, ldc, c, cOffset, ldc, 0, m, n, extras);
}

/**
 * For the paths that finish C whole (the reference GEMM, small products): C made into a dense
 * m × n array by `multiply` (as a beta-0 product with ldc = n), the epilogue applied, then handed
 * to the reader as one block. Returns false (and does nothing) when there is no reader.
 */
export function readWholeC(m: number, n: number, extras: GemmExtras, multiply: (c: Float32Array) => void): boolean {
  const { readC } = extras;
  if (readC === undefined) return false;
  if (m <= 0 || n <= 0) return true;
  const c = new Float32Array(m * n);
  multiply(c);
  applyEpilogue(c, 0, n, m, n, extras);
  const target = extras.readCTarget ?? new Float32Array(0);
  readC(c, 0, n, m, 0, n, target, 0);
  return true;
}

/** readC reads C whole or by blocks, never adds onto it: beta 1 with a reader is a caller's bug. */
export function checkReadC(beta: 0 | 1, extras: GemmExtras): void {
  if (extras.readC !== undefined && beta !== 0) {
    throw new CnnkitError('INVALID_ARGUMENT', `gemm was given a C block reader with beta ${beta}; expected beta 0 (the reader takes C instead of it being stored)`, { beta });
  }
}
