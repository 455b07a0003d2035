import { GEMM_KC, GEMM_MC, GEMM_MR, GEMM_NC, GEMM_NR } from './blocking';
import { microKernel4x4 } from './micro-kernel';
import { packA, packB } from './pack';
import { packedABuffer, packedBBuffer } from './scratch';
import { gemmEdgeCase } from './small-m';

/**
 * C[m×n] = op(A)[m×k] · op(B)[k×n] + beta·C, row-major with leading dimensions and offsets, so
 * callers can multiply sub-blocks (one convolution group, one batch item) without copying.
 * op(X) is X or its transpose. beta is 0 (overwrite) or 1 (accumulate).
 *
 * Cache-blocked in the BLIS manner (see blocking.ts): B is packed KC×NC at a time, A MC×KC at a
 * time, into reused scratch, and a 4×4 register-tiled micro-kernel sweeps the packed panels.
 * Transposes are absorbed by the packing, so the hot loop is the same for every variant.
 * Products with fewer rows than the register tile take a packing-free path (small-m.ts).
 * The plain TypeScript path, kept as the reference the WebAssembly GEMM is tested against and
 * the fallback where WebAssembly SIMD is unavailable.
 */
export function referenceGemm(
  m: number, n: number, k: number,
  a: Float32Array, aOffset: number, lda: number, transA: boolean,
  b: Float32Array, bOffset: number, ldb: number, transB: boolean,
  c: Float32Array, cOffset: number, ldc: number,
  beta: 0 | 1,
): void {
  if (gemmEdgeCase(GEMM_MR, m, n, k, a, aOffset, lda, transA, b, bOffset, ldb, transB, c, cOffset, ldc, beta)) return;
  const kcMax = Math.min(k, GEMM_KC);
  const mcMax = Math.min(roundUp(m, GEMM_MR), GEMM_MC);
  const ncMax = Math.min(roundUp(n, GEMM_NR), GEMM_NC);
  const pa = packedABuffer(mcMax * kcMax);
  const pb = packedBBuffer(ncMax * kcMax);

  for (let jc = 0; jc < n; jc += GEMM_NC) {
    const nc = Math.min(GEMM_NC, n - jc);
    for (let pc = 0; pc < k; pc += GEMM_KC) {
      const kc = Math.min(GEMM_KC, k - pc);
      // The first depth block applies beta; later ones add onto what it wrote.
      const accumulate = beta === 1 || pc > 0;
      packB(b, bOffset, ldb, transB, pc, kc, jc, nc, pb);
      for (let ic = 0; ic < m; ic += GEMM_MC) {
        const mc = Math.min(GEMM_MC, m - ic);
        packA(a, aOffset, lda, transA, ic, mc, pc, kc, pa);
        for (let jr = 0; jr < nc; jr += GEMM_NR) {
          const cols = Math.min(GEMM_NR, nc - jr);
          const bStart = jr * kc;
          const cCol = cOffset + jc + jr;
          for (let ir = 0; ir < mc; ir += GEMM_MR) {
            microKernel4x4(
              kc, pa, ir * kc, pb, bStart,
              c, cCol + (ic + ir) * ldc, ldc,
              Math.min(GEMM_MR, mc - ir), cols, accumulate,
            );
          }
        }
      }
    }
  }
}

function roundUp(x: number, multiple: number): number {
  return Math.ceil(x / multiple) * multiple;
}
