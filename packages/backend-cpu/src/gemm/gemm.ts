/**
 * C[m×n] = op(A)[m×k] · op(B)[k×n] + beta·C, row-major with leading dimensions and offsets, so
 * callers can multiply sub-blocks (one convolution group, one batch item) without copying.
 * op(X) is X or its transpose. beta is 0 (overwrite) or 1 (accumulate).
 *
 * PLACEHOLDER: a plain triple loop with the contract fixed; the cache-blocked, register-tiled
 * version replaces the body without changing the signature.
 */
export function gemm(
  m: number, n: number, k: number,
  a: Float32Array, aOffset: number, lda: number, transA: boolean,
  b: Float32Array, bOffset: number, ldb: number, transB: boolean,
  c: Float32Array, cOffset: number, ldc: number,
  beta: 0 | 1,
): void {
  for (let i = 0; i < m; i++) {
    for (let j = 0; j < n; j++) {
      let sum = 0;
      for (let p = 0; p < k; p++) {
        const av = transA ? a[aOffset + p * lda + i]! : a[aOffset + i * lda + p]!;
        const bv = transB ? b[bOffset + j * ldb + p]! : b[bOffset + p * ldb + j]!;
        sum += av * bv;
      }
      const ci = cOffset + i * ldc + j;
      c[ci] = beta === 0 ? sum : c[ci]! + sum;
    }
  }
}
