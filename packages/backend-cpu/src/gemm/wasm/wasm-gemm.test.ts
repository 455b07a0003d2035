import { describe, expect, it } from 'vitest';
import { randomF32, randomInt, seeded } from '../../kernels/kernel-test-data';
import { referenceGemm } from '../reference-gemm';
import { wasmGemm } from './wasm-gemm';

interface Case {
  m: number; n: number; k: number;
  transA: boolean; transB: boolean;
  aOffset: number; bOffset: number; cOffset: number;
  /** How much wider than needed each leading dimension is. */
  aPad: number; bPad: number; cPad: number;
  beta: 0 | 1;
}

/** float32 unit roundoff. */
const U = 2 ** -24;

/**
 * Runs the wasm GEMM and the reference GEMM on the same random operands laid out inside larger
 * arrays. Every element outside the C window must come out bit-identical to the input; inside,
 * the two may differ by rounding only. Any summation order of k float32 products is within
 * γ·Σ|a||b| of the exact value, γ ≈ k·u (u = 2^-24; the reference's float64 tiles are closer),
 * plus one rounding of the addition of beta·C, so the two results are within twice that of each
 * other. A wrong index or a dropped term misses by O(|a||b|), far above this bound.
 */
function compare(c: Case, seed: number): void {
  const random = seeded(seed);
  const aRows = c.transA ? c.k : c.m, aCols = c.transA ? c.m : c.k;
  const bRows = c.transB ? c.n : c.k, bCols = c.transB ? c.k : c.n;
  const lda = aCols + c.aPad, ldb = bCols + c.bPad, ldc = c.n + c.cPad;
  const a = randomF32(random, c.aOffset + aRows * lda + 2);
  const b = randomF32(random, c.bOffset + bRows * ldb + 2);
  const c0 = randomF32(random, c.cOffset + c.m * ldc + 2);
  const expected = Float32Array.from(c0);
  const actual = Float32Array.from(c0);
  referenceGemm(c.m, c.n, c.k, a, c.aOffset, lda, c.transA, b, c.bOffset, ldb, c.transB, expected, c.cOffset, ldc, c.beta);
  wasmGemm(c.m, c.n, c.k, a, c.aOffset, lda, c.transA, b, c.bOffset, ldb, c.transB, actual, c.cOffset, ldc, c.beta);

  const inWindow = new Uint8Array(actual.length);
  for (let i = 0; i < c.m; i++) for (let j = 0; j < c.n; j++) {
    const at = c.cOffset + i * ldc + j;
    inWindow[at] = 1;
    let magnitude = c.beta === 1 ? Math.abs(c0[at]!) : 0;
    for (let p = 0; p < c.k; p++) {
      const av = c.transA ? a[c.aOffset + p * lda + i]! : a[c.aOffset + i * lda + p]!;
      const bv = c.transB ? b[c.bOffset + j * ldb + p]! : b[c.bOffset + p * ldb + j]!;
      magnitude += Math.abs(av * bv);
    }
    const bound = 2 * (c.k + 2) * U * magnitude;
    const diff = Math.abs(actual[at]! - expected[at]!);
    if (!(diff <= bound)) {
      expect.fail(`${JSON.stringify(c)}: C(${i}, ${j}) is ${actual[at]} from wasm, ${expected[at]} from the reference; |diff| ${diff} > bound ${bound}`);
    }
  }
  for (let at = 0; at < actual.length; at++) {
    if (!inWindow[at] && !Object.is(actual[at], c0[at])) expect.fail(`${JSON.stringify(c)}: C[${at}] outside the window changed from ${c0[at]} to ${actual[at]}`);
  }
}

const plain: Case = { m: 1, n: 1, k: 1, transA: false, transB: false, aOffset: 0, bOffset: 0, cOffset: 0, aPad: 0, bPad: 0, cPad: 0, beta: 0 };
/** Sizes around the 4×8 tile, the 256 depth block, the 128 / 512 row and column blocks. */
const SIZES = [1, 3, 4, 5, 7, 8, 9, 17, 64, 127, 129, 255, 257, 300, 513];

describe('wasm GEMM against the reference GEMM', () => {
  // First, so the module's memory is still at its initial size when the large call grows it.
  it('keeps working after a smaller call follows a larger one (memory reused, views re-taken after growth)', () => {
    compare({ ...plain, m: 3, n: 2, k: 2 }, 5000);
    compare({ ...plain, m: 300, n: 520, k: 300, transA: true }, 5001); // grows the module's memory
    compare({ ...plain, m: 5, n: 9, k: 4, beta: 1 }, 5002);
  });

  it('agrees on every small shape (tile edges), transpose and beta', () => {
    let seed = 1;
    const small = [1, 3, 4, 5, 7, 8, 9, 17];
    for (const m of small) for (const n of small) for (const k of [1, 5, 17]) {
      for (const transA of [false, true]) for (const transB of [false, true]) {
        compare({ ...plain, m, n, k, transA, transB, beta: seed % 2 === 0 ? 1 : 0 }, seed++);
      }
    }
  });

  it('agrees on 150 random shapes from 1 to 513 with random transposes, betas, offsets and leading dimensions', () => {
    const random = seeded(77);
    const pick = (): number => SIZES[randomInt(random, 0, SIZES.length - 1)]!;
    for (let seed = 1000; seed < 1150; seed++) {
      const m = pick(), n = pick();
      // Keep the biggest products affordable for the float64 bound: shrink k when m·n is large.
      const k = m * n > 60_000 ? SIZES[randomInt(random, 0, 9)]! : pick();
      compare({
        m, n, k,
        transA: random() < 0.5, transB: random() < 0.5,
        aOffset: randomInt(random, 0, 9), bOffset: randomInt(random, 0, 9), cOffset: randomInt(random, 0, 9),
        aPad: randomInt(random, 0, 5), bPad: randomInt(random, 0, 5), cPad: randomInt(random, 0, 5),
        beta: random() < 0.5 ? 0 : 1,
      }, seed);
    }
  });

  it('agrees on deep sums over several depth blocks and on the big square', () => {
    compare({ ...plain, m: 33, n: 41, k: 1031, transA: true, beta: 1 }, 2000);
    compare({ ...plain, m: 300, n: 300, k: 300, transB: true }, 2001);
    compare({ ...plain, m: 256, n: 256, k: 256, aPad: 3, cPad: 1, cOffset: 5 }, 2002);
  });

  it('agrees when m is so large that the column block narrows below 512', () => {
    // 8200 padded rows × 512 columns would pass the 4M-float cap on C in wasm memory.
    compare({ ...plain, m: 8200, n: 600, k: 3, transB: true, beta: 1 }, 3000);
  });

  it('agrees on LeNet-5 and ResNet convolution products (weights · im2col)', () => {
    let seed = 4000;
    for (const [m, n, k] of [[6, 576, 25], [16, 64, 150], [64, 196, 576], [128, 49, 1152]] as const) {
      compare({ ...plain, m, n, k }, seed++); // forward: W · col
      compare({ ...plain, m: k, n, k: m, transA: true }, seed++); // input gradient: Wᵀ · dy
      compare({ ...plain, m, n: k, k: n, transB: true, beta: 1 }, seed++); // weight gradient: dy · colᵀ, accumulated
    }
  });
});
