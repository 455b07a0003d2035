/** Columns of C updated per pass in the row path, so that stretch of a C row stays in L1. */
const ROW_CHUNK = 1024;

/**
 * The cases every GEMM implementation answers the same way, before any packing: an empty C; an
 * empty depth (C = 0 with beta 0, untouched with beta 1); and fewer rows than `tileRows`, the
 * implementation's register tile, which gemmSmallM multiplies without packing. Returns whether
 * it handled the product.
 */
export function gemmEdgeCase(
  tileRows: number,
  m: number, n: number, k: number,
  a: Float32Array, aOffset: number, lda: number, transA: boolean,
  b: Float32Array, bOffset: number, ldb: number, transB: boolean,
  c: Float32Array, cOffset: number, ldc: number,
  beta: 0 | 1,
): boolean {
  if (m <= 0 || n <= 0) return true;
  if (k <= 0) {
    if (beta === 0) for (let i = 0; i < m; i++) c.fill(0, cOffset + i * ldc, cOffset + i * ldc + n);
    return true;
  }
  if (m >= tileRows) return false;
  gemmSmallM(m, n, k, a, aOffset, lda, transA, b, bOffset, ldb, transB, c, cOffset, ldc, beta);
  return true;
}

/**
 * GEMM for fewer rows than the register tile (m < MR): a 4×4 micro-kernel would spend most of
 * its work on zero padding there, and packing would cost as much as the product. This covers
 * depthwise convolution (one output row per group) and batch-1 linear layers.
 * - op(B) = B: each row of C is a sum of k scaled rows of B (axpy), done a chunk of columns at a
 *   time so the chunk stays in cache across the k passes.
 * - op(B) = Bᵀ: each element of C is a dot product of two contiguous runs.
 */
export function gemmSmallM(
  m: number, n: number, k: number,
  a: Float32Array, aOffset: number, lda: number, transA: boolean,
  b: Float32Array, bOffset: number, ldb: number, transB: boolean,
  c: Float32Array, cOffset: number, ldc: number,
  beta: 0 | 1,
): void {
  // Stride between consecutive depth entries of one row of op(A).
  const aStep = transA ? lda : 1;
  for (let i = 0; i < m; i++) {
    const aRow = aOffset + (transA ? i : i * lda);
    const cRow = cOffset + i * ldc;
    if (transB) {
      for (let j = 0; j < n; j++) {
        const bRow = bOffset + j * ldb;
        let sum = 0;
        for (let p = 0, ai = aRow; p < k; p++, ai += aStep) sum += a[ai]! * b[bRow + p]!;
        c[cRow + j] = beta === 0 ? sum : c[cRow + j]! + sum;
      }
      continue;
    }
    for (let j0 = 0; j0 < n; j0 += ROW_CHUNK) {
      const j1 = Math.min(n, j0 + ROW_CHUNK);
      if (beta === 0) c.fill(0, cRow + j0, cRow + j1);
      for (let p = 0, ai = aRow; p < k; p++, ai += aStep) {
        const av = a[ai]!;
        const bRow = bOffset + p * ldb;
        for (let j = j0; j < j1; j++) c[cRow + j] = c[cRow + j]! + av * b[bRow + j]!;
      }
    }
  }
}
