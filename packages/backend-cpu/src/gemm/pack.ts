import { GEMM_MR, GEMM_NR } from './blocking';

/**
 * Copies op(A)[i0 : i0+mc, p0 : p0+kc] into `dst` as ceil(mc / MR) row panels, each stored
 * k-major (MR consecutive values per depth step) so the micro-kernel reads it sequentially.
 * Rows past mc in the last panel are zero, which lets edge tiles run the full micro-kernel.
 */
export function packA(
  a: Float32Array, aOffset: number, lda: number, transA: boolean,
  i0: number, mc: number, p0: number, kc: number, dst: Float32Array,
): void {
  const MR = GEMM_MR;
  for (let ir = 0; ir < mc; ir += MR) {
    const rows = Math.min(MR, mc - ir);
    const panel = ir * kc;
    if (transA) {
      // op(A)(i, p) = a[p * lda + i]: each depth step is a contiguous run of rows.
      for (let p = 0; p < kc; p++) {
        const src = aOffset + (p0 + p) * lda + i0 + ir;
        const d = panel + p * MR;
        let r = 0;
        for (; r < rows; r++) dst[d + r] = a[src + r]!;
        for (; r < MR; r++) dst[d + r] = 0;
      }
    } else {
      for (let r = 0; r < rows; r++) {
        const src = aOffset + (i0 + ir + r) * lda + p0;
        let d = panel + r;
        for (let p = 0; p < kc; p++, d += MR) dst[d] = a[src + p]!;
      }
      for (let r = rows; r < MR; r++) {
        let d = panel + r;
        for (let p = 0; p < kc; p++, d += MR) dst[d] = 0;
      }
    }
  }
}

/**
 * Copies op(B)[p0 : p0+kc, j0 : j0+nc] into `dst` as ceil(nc / NR) column panels, each stored
 * k-major (NR consecutive values per depth step); columns past nc in the last panel are zero.
 */
export function packB(
  b: Float32Array, bOffset: number, ldb: number, transB: boolean,
  p0: number, kc: number, j0: number, nc: number, dst: Float32Array,
): void {
  const NR = GEMM_NR;
  for (let jr = 0; jr < nc; jr += NR) {
    const cols = Math.min(NR, nc - jr);
    const panel = jr * kc;
    if (transB) {
      // op(B)(p, j) = b[j * ldb + p]: each column of the panel is a contiguous run.
      for (let c = 0; c < cols; c++) {
        const src = bOffset + (j0 + jr + c) * ldb + p0;
        let d = panel + c;
        for (let p = 0; p < kc; p++, d += NR) dst[d] = b[src + p]!;
      }
      for (let c = cols; c < NR; c++) {
        let d = panel + c;
        for (let p = 0; p < kc; p++, d += NR) dst[d] = 0;
      }
    } else {
      for (let p = 0; p < kc; p++) {
        const src = bOffset + (p0 + p) * ldb + j0 + jr;
        const d = panel + p * NR;
        let c = 0;
        for (; c < cols; c++) dst[d + c] = b[src + c]!;
        for (; c < NR; c++) dst[d + c] = 0;
      }
    }
  }
}
