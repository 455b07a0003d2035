import { GEMM_MR, GEMM_NR } from './blocking';

/** Holds an edge tile's accumulators so partial tiles can be written back with plain loops. */
const edgeTile = new Float64Array(GEMM_MR * GEMM_NR);

/**
 * One MR×NR (4×4) tile of C from a packed A panel and a packed B panel of depth kc. The sixteen
 * accumulators live in locals, so the depth loop does 8 loads for 16 multiply-adds and touches
 * no memory besides the two panels. `rows` × `cols` (at most 4 × 4) of the tile are written:
 * overwritten when `accumulate` is false, added to C otherwise.
 */
export function microKernel4x4(
  kc: number,
  pa: Float32Array, aStart: number,
  pb: Float32Array, bStart: number,
  c: Float32Array, cStart: number, ldc: number,
  rows: number, cols: number, accumulate: boolean,
): void {
  let c00 = 0, c01 = 0, c02 = 0, c03 = 0;
  let c10 = 0, c11 = 0, c12 = 0, c13 = 0;
  let c20 = 0, c21 = 0, c22 = 0, c23 = 0;
  let c30 = 0, c31 = 0, c32 = 0, c33 = 0;
  let ai = aStart;
  let bi = bStart;
  for (let p = 0; p < kc; p++, ai += 4, bi += 4) {
    const a0 = pa[ai]!, a1 = pa[ai + 1]!, a2 = pa[ai + 2]!, a3 = pa[ai + 3]!;
    const b0 = pb[bi]!, b1 = pb[bi + 1]!, b2 = pb[bi + 2]!, b3 = pb[bi + 3]!;
    c00 += a0 * b0; c01 += a0 * b1; c02 += a0 * b2; c03 += a0 * b3;
    c10 += a1 * b0; c11 += a1 * b1; c12 += a1 * b2; c13 += a1 * b3;
    c20 += a2 * b0; c21 += a2 * b1; c22 += a2 * b2; c23 += a2 * b3;
    c30 += a3 * b0; c31 += a3 * b1; c32 += a3 * b2; c33 += a3 * b3;
  }
  if (rows === 4 && cols === 4) {
    const r0 = cStart, r1 = r0 + ldc, r2 = r1 + ldc, r3 = r2 + ldc;
    if (accumulate) {
      c[r0] = c[r0]! + c00; c[r0 + 1] = c[r0 + 1]! + c01; c[r0 + 2] = c[r0 + 2]! + c02; c[r0 + 3] = c[r0 + 3]! + c03;
      c[r1] = c[r1]! + c10; c[r1 + 1] = c[r1 + 1]! + c11; c[r1 + 2] = c[r1 + 2]! + c12; c[r1 + 3] = c[r1 + 3]! + c13;
      c[r2] = c[r2]! + c20; c[r2 + 1] = c[r2 + 1]! + c21; c[r2 + 2] = c[r2 + 2]! + c22; c[r2 + 3] = c[r2 + 3]! + c23;
      c[r3] = c[r3]! + c30; c[r3 + 1] = c[r3 + 1]! + c31; c[r3 + 2] = c[r3 + 2]! + c32; c[r3 + 3] = c[r3 + 3]! + c33;
    } else {
      c[r0] = c00; c[r0 + 1] = c01; c[r0 + 2] = c02; c[r0 + 3] = c03;
      c[r1] = c10; c[r1 + 1] = c11; c[r1 + 2] = c12; c[r1 + 3] = c13;
      c[r2] = c20; c[r2 + 1] = c21; c[r2 + 2] = c22; c[r2 + 3] = c23;
      c[r3] = c30; c[r3 + 1] = c31; c[r3 + 2] = c32; c[r3 + 3] = c33;
    }
    return;
  }
  const t = edgeTile;
  t[0] = c00; t[1] = c01; t[2] = c02; t[3] = c03;
  t[4] = c10; t[5] = c11; t[6] = c12; t[7] = c13;
  t[8] = c20; t[9] = c21; t[10] = c22; t[11] = c23;
  t[12] = c30; t[13] = c31; t[14] = c32; t[15] = c33;
  for (let r = 0; r < rows; r++) {
    const row = cStart + r * ldc;
    for (let j = 0; j < cols; j++) {
      c[row + j] = accumulate ? c[row + j]! + t[r * GEMM_NR + j]! : t[r * GEMM_NR + j]!;
    }
  }
}
