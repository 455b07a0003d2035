import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomF32, seeded } from '../kernels/kernel-test-data';
import { GEMM_KC, GEMM_MC, GEMM_MR, GEMM_NC, GEMM_NR } from './blocking';
import { GEMM_IMPLEMENTATIONS, type GemmImplementation, gemm, gemmImplementation, setGemmImplementation } from './gemm';
import { WASM_MR, WASM_NR } from './wasm/gemm-module';
import { WASM_KC, WASM_MC, WASM_NC } from './wasm/wasm-gemm';

/** Each implementation's tile and block sizes, so the edge cases sit at its own boundaries. */
const BLOCKS: Record<GemmImplementation, { MR: number; NR: number; KC: number; MC: number; NC: number }> = {
  reference: { MR: GEMM_MR, NR: GEMM_NR, KC: GEMM_KC, MC: GEMM_MC, NC: GEMM_NC },
  'wasm-simd': { MR: WASM_MR, NR: WASM_NR, KC: WASM_KC, MC: WASM_MC, NC: WASM_NC },
};

interface Layout {
  m: number; n: number; k: number;
  transA: boolean; transB: boolean;
  aOffset: number; bOffset: number; cOffset: number;
  /** How much wider than needed each leading dimension is. */
  aPad: number; bPad: number; cPad: number;
  beta: 0 | 1;
}

/** The textbook triple loop in float64, straight from the definition of op(A)·op(B) + beta·C. */
function reference(l: Layout, a: Float32Array, lda: number, b: Float32Array, ldb: number, c: Float32Array, ldc: number): Float64Array {
  const out = Float64Array.from(c);
  for (let i = 0; i < l.m; i++) {
    for (let j = 0; j < l.n; j++) {
      let sum = 0;
      for (let p = 0; p < l.k; p++) {
        const av = l.transA ? a[l.aOffset + p * lda + i]! : a[l.aOffset + i * lda + p]!;
        const bv = l.transB ? b[l.bOffset + j * ldb + p]! : b[l.bOffset + p * ldb + j]!;
        sum += av * bv;
      }
      const ci = l.cOffset + i * ldc + j;
      out[ci] = (l.beta === 1 ? c[ci]! : 0) + sum;
    }
  }
  return out;
}

/**
 * Runs gemm on random operands laid out as `l` says, inside larger arrays whose other elements
 * must come out untouched, and compares every element of C with the reference. The tolerance is
 * float32 rounding of a sum of k products of magnitude <= 1.
 */
function check(l: Layout, seed: number): void {
  const random = seeded(seed);
  const aRows = l.transA ? l.k : l.m, aCols = l.transA ? l.m : l.k;
  const bRows = l.transB ? l.n : l.k, bCols = l.transB ? l.k : l.n;
  const lda = aCols + l.aPad, ldb = bCols + l.bPad, ldc = l.n + l.cPad;
  const a = randomF32(random, l.aOffset + aRows * lda + 3);
  const b = randomF32(random, l.bOffset + bRows * ldb + 3);
  const c = randomF32(random, l.cOffset + l.m * ldc + 3);
  const expected = reference(l, a, lda, b, ldb, c, ldc);
  gemm(l.m, l.n, l.k, a, l.aOffset, lda, l.transA, b, l.bOffset, ldb, l.transB, c, l.cOffset, ldc, l.beta);
  const atol = 1e-6 * (l.k + 1) * 4;
  let worst = 0, worstAt = -1;
  for (let i = 0; i < c.length; i++) {
    const err = Math.abs(c[i]! - expected[i]!) - atol - 1e-6 * Math.abs(expected[i]!);
    if (err > worst) { worst = err; worstAt = i; }
  }
  expect(worstAt, `${JSON.stringify(l)}: C[${worstAt}] = ${c[worstAt]}, expected ${expected[worstAt]}`).toBe(-1);
}

const plain: Layout = { m: 1, n: 1, k: 1, transA: false, transB: false, aOffset: 0, bOffset: 0, cOffset: 0, aPad: 0, bPad: 0, cPad: 0, beta: 0 };

for (const implementation of GEMM_IMPLEMENTATIONS) describe(`gemm (${implementation})`, () => {
  const { MR, NR, KC, MC, NC } = BLOCKS[implementation];
  let before: GemmImplementation;
  beforeAll(() => { before = gemmImplementation(); setGemmImplementation(implementation); });
  afterAll(() => setGemmImplementation(before));

  it('multiplies a worked 2×3 by 3×2 example', () => {
    // [1 2 3; 4 5 6] · [7 8; 9 10; 11 12] = [1·7+2·9+3·11, 1·8+2·10+3·12; ...] = [58 64; 139 154]
    const c = new Float32Array(4).fill(99);
    gemm(2, 2, 3, Float32Array.of(1, 2, 3, 4, 5, 6), 0, 3, false, Float32Array.of(7, 8, 9, 10, 11, 12), 0, 2, false, c, 0, 2, 0);
    expect([...c]).toEqual([58, 64, 139, 154]);
    // beta = 1 adds onto what is there.
    gemm(2, 2, 3, Float32Array.of(1, 2, 3, 4, 5, 6), 0, 3, false, Float32Array.of(7, 8, 9, 10, 11, 12), 0, 2, false, c, 0, 2, 1);
    expect([...c]).toEqual([116, 128, 278, 308]);
  });

  it('matches the reference on small and prime shapes, every transpose, both betas', () => {
    const sizes = [1, 2, 3, 4, 5, 7, 8, 11, 13, 17];
    let seed = 1;
    for (const m of sizes) for (const n of sizes) for (const k of [1, 3, 8, 13]) {
      for (const transA of [false, true]) for (const transB of [false, true]) {
        check({ ...plain, m, n, k, transA, transB, beta: seed % 2 === 0 ? 1 : 0 }, seed++);
      }
    }
  });

  it('matches the reference just below, at and above every block and tile size', () => {
    const around = (s: number): number[] => [s - 1, s, s + 1];
    let seed = 1000;
    // Depth past KC exercises the accumulation across depth blocks, with both betas.
    for (const k of around(KC)) for (const beta of [0, 1] as const) check({ ...plain, m: 9, n: 6, k, beta }, seed++);
    check({ ...plain, m: 5, n: 7, k: 2 * KC + 3, transA: true, transB: true, beta: 1 }, seed++);
    for (const m of around(MC)) check({ ...plain, m, n: 10, k: 7, transA: m % 2 === 0 }, seed++);
    for (const n of around(NC)) check({ ...plain, m: 6, n, k: 5, transB: n % 2 === 0 }, seed++);
    for (const m of around(MR)) for (const n of around(NR)) check({ ...plain, m, n, k: 6 }, seed++);
    check({ ...plain, m: MC + 5, n: 37, k: KC + 9, beta: 1 }, seed++);
  });

  it('honours offsets and leading dimensions wider than the operands, leaving the rest untouched', () => {
    let seed = 2000;
    for (const transA of [false, true]) for (const transB of [false, true]) for (const beta of [0, 1] as const) {
      check({ m: 6, n: 9, k: 11, transA, transB, aOffset: 5, bOffset: 3, cOffset: 7, aPad: 3, bPad: 2, cPad: 4, beta }, seed++);
      check({ m: 13, n: 5, k: 300, transA, transB, aOffset: 1, bOffset: 17, cOffset: 2, aPad: 1, bPad: 5, cPad: 1, beta }, seed++);
      // Fewer rows than the register tile take the packing-free path.
      check({ m: 1, n: 9, k: 11, transA, transB, aOffset: 4, bOffset: 1, cOffset: 3, aPad: 2, bPad: 3, cPad: 2, beta }, seed++);
      check({ m: 3, n: 7, k: 5, transA, transB, aOffset: 2, bOffset: 6, cOffset: 1, aPad: 1, bPad: 1, cPad: 5, beta }, seed++);
    }
  });

  it('matches the reference for fewer rows than the tile over long rows and deep sums (the packing-free path)', () => {
    let seed = 2500;
    for (const m of [1, MR - 1]) for (const transB of [false, true]) for (const beta of [0, 1] as const) {
      check({ ...plain, m, n: 2500, k: 9, transB, beta }, seed++);
      check({ ...plain, m, n: 11, k: 2 * KC + 1, transA: true, transB, beta }, seed++);
    }
  });

  it('writes zeros for k = 0 with beta 0, keeps C with beta 1, and does nothing for an empty C', () => {
    const c = Float32Array.of(1, 2, 3, 4, 5);
    gemm(2, 2, 0, new Float32Array(0), 0, 0, false, new Float32Array(0), 0, 2, false, c, 0, 2, 1);
    expect([...c]).toEqual([1, 2, 3, 4, 5]);
    gemm(2, 2, 0, new Float32Array(0), 0, 0, false, new Float32Array(0), 0, 2, false, c, 0, 2, 0);
    expect([...c]).toEqual([0, 0, 0, 0, 5]);
    const d = Float32Array.of(7, 7);
    gemm(0, 2, 3, new Float32Array(0), 0, 3, false, new Float32Array(6), 0, 2, false, d, 0, 2, 0);
    gemm(2, 0, 3, new Float32Array(6), 0, 3, false, new Float32Array(0), 0, 0, false, d, 0, 0, 0);
    expect([...d]).toEqual([7, 7]);
  });

  it('gives the same answer when called again with a smaller shape after a larger one (scratch reuse)', () => {
    check({ ...plain, m: 70, n: 90, k: 280 }, 3000);
    check({ ...plain, m: 3, n: 2, k: 2 }, 3001);
    check({ ...plain, m: 70, n: 90, k: 280, transA: true }, 3002);
  });
});
