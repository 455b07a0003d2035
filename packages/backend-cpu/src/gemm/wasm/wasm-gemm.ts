import { packA, packB } from '../pack';
import { gemmSmallM } from '../small-m';
import { WASM_MR, WASM_NR } from './gemm-module';
import { wasmGemmKernel, wasmHeap } from './wasm-kernel';

/**
 * Block sizes of the wasm GEMM (see ../blocking.ts for the layering). An MR×KC sliver of A and a
 * KC×NR sliver of B are 4 KiB + 8 KiB of L1; the MC×KC block of A is 128 KiB of L2; the KC×NC
 * panel of B is 512 KiB, and the MC×NC block of C results 256 KiB.
 */
export const WASM_KC = 256;
export const WASM_MC = 128;
export const WASM_NC = 512;

/**
 * gemm() (same contract, see ../gemm.ts) with the macro-kernel in WebAssembly SIMD. For every
 * depth block, B is packed KC×NC and A MC×KC straight into the module's memory; one macroKernel
 * call multiplies the packed pair into a scratch block of C in that memory (f32x4 accumulators),
 * and the scratch is then copied (first depth block with beta 0) or added (later depth blocks,
 * or beta 1) into the caller's C. Packing pads edge panels with zeros, so the kernel always runs
 * whole tiles and only the copy-back sees the real mc × nc. Transposes are absorbed by packing.
 */
export function wasmGemm(
  m: number, n: number, k: number,
  a: Float32Array, aOffset: number, lda: number, transA: boolean,
  b: Float32Array, bOffset: number, ldb: number, transB: boolean,
  c: Float32Array, cOffset: number, ldc: number,
  beta: 0 | 1,
): void {
  if (m <= 0 || n <= 0) return;
  if (k <= 0) {
    if (beta === 0) for (let i = 0; i < m; i++) c.fill(0, cOffset + i * ldc, cOffset + i * ldc + n);
    return;
  }
  if (m < WASM_MR) {
    gemmSmallM(m, n, k, a, aOffset, lda, transA, b, bOffset, ldb, transB, c, cOffset, ldc, beta);
    return;
  }
  const kcMax = Math.min(k, WASM_KC);
  const mcMax = Math.min(roundUp(m, WASM_MR), WASM_MC);
  const ncMax = Math.min(roundUp(n, WASM_NR), WASM_NC);
  // Layout in floats: packed A, packed B, C scratch; each a multiple of 4 floats, so 16-byte aligned.
  const paAt = 0;
  const pbAt = paAt + mcMax * kcMax;
  const csAt = pbAt + ncMax * kcMax;
  const end = csAt + mcMax * ncMax;
  const kernel = wasmGemmKernel();
  const heap = wasmHeap(kernel, end * 4);
  const pa = heap.subarray(paAt, pbAt);
  const pb = heap.subarray(pbAt, csAt);
  const macroKernel = kernel.macroKernel;

  for (let jc = 0; jc < n; jc += WASM_NC) {
    const nc = Math.min(WASM_NC, n - jc);
    const ncPadded = roundUp(nc, WASM_NR);
    for (let pc = 0; pc < k; pc += WASM_KC) {
      const kc = Math.min(WASM_KC, k - pc);
      // The first depth block applies beta; later ones add onto what it wrote.
      const accumulate = beta === 1 || pc > 0;
      packB(b, bOffset, ldb, transB, pc, kc, jc, nc, pb, WASM_NR);
      for (let ic = 0; ic < m; ic += WASM_MC) {
        const mc = Math.min(WASM_MC, m - ic);
        packA(a, aOffset, lda, transA, ic, mc, pc, kc, pa, WASM_MR);
        macroKernel(roundUp(mc, WASM_MR), ncPadded, kc, paAt * 4, pbAt * 4, csAt * 4, ncPadded * 4);
        copyBack(heap, csAt, ncPadded, mc, nc, c, cOffset + ic * ldc + jc, ldc, accumulate);
      }
    }
  }
}

/** Moves the mc × nc results from the scratch block (row stride `stride`) into C. */
function copyBack(
  heap: Float32Array, from: number, stride: number, mc: number, nc: number,
  c: Float32Array, to: number, ldc: number, accumulate: boolean,
): void {
  for (let i = 0; i < mc; i++) {
    const src = from + i * stride;
    const dst = to + i * ldc;
    if (accumulate) {
      for (let j = 0; j < nc; j++) c[dst + j] = c[dst + j]! + heap[src + j]!;
    } else {
      c.set(heap.subarray(src, src + nc), dst);
    }
  }
}

function roundUp(x: number, multiple: number): number {
  return Math.ceil(x / multiple) * multiple;
}
