import { afterAll, describe, expect, it } from 'vitest';
import { CnnkitError } from '@cnnkit/core';
import { GemmThreadPool } from '../../src/gemm/wasm/gemm-thread-pool';
import { threadedWasmGemm } from '../../src/gemm/wasm/threaded-wasm-gemm';
import { WASM_KC, WASM_MC, packWasmA, wasmGemm } from '../../src/gemm/wasm/wasm-gemm';
import { randomF32, seeded } from '../../src/kernels/kernel-test-data';

interface Shape {
  m: number; n: number; k: number; transA: boolean; transB: boolean; beta: 0 | 1;
}

type Run = (s: Shape, a: Float32Array, lda: number, b: Float32Array, ldb: number, c: Float32Array, ldc: number) => void;

/**
 * A packed A must be exactly what wasmGemm packs on each call: the same panels reach the same
 * macro-kernel calls in the same order, so C must come out with the same bits, and nothing
 * outside C's window may change. Operands sit inside larger arrays at offsets with padded
 * leading dimensions, as a convolution group's weights do.
 */
function expectSameBits(s: Shape, seed: number, packed: Run): void {
  const random = seeded(seed);
  const aRows = s.transA ? s.k : s.m, aCols = s.transA ? s.m : s.k;
  const bRows = s.transB ? s.n : s.k, bCols = s.transB ? s.k : s.n;
  const lda = aCols + 3, ldb = bCols + 1, ldc = s.n + 2;
  const a = randomF32(random, 5 + aRows * lda + 1);
  const b = randomF32(random, 7 + bRows * ldb + 1);
  const c0 = randomF32(random, 3 + s.m * ldc + 4);
  const plain = Float32Array.from(c0), fromPacked = Float32Array.from(c0);
  wasmGemm(s.m, s.n, s.k, a, 5, lda, s.transA, b, 7, ldb, s.transB, plain, 3, ldc, s.beta);
  packed(s, a, lda, b, ldb, fromPacked, ldc);
  const plain32 = new Uint32Array(plain.buffer), packed32 = new Uint32Array(fromPacked.buffer);
  for (let at = 0; at < plain.length; at++) {
    if (plain32[at] !== packed32[at]) expect.fail(`${JSON.stringify(s)}: C[${at}] is ${fromPacked[at]} with A packed ahead, ${plain[at]} packed per call`);
  }
}

const shapes: Shape[] = [];
{
  const random = seeded(23);
  const pick = (values: readonly number[]): number => values[Math.floor(random() * values.length)]!;
  // Edges of the register tile (MR 4) and of the blocks (KC 256, MC 128) along m and k.
  const ms = [4, 5, 7, 64, 127, 128, 129, 300], ns = [1, 9, 49, 513], ks = [1, 27, 255, 256, 257, 600];
  for (let i = 0; i < 40; i++) shapes.push({ m: pick(ms), n: pick(ns), k: pick(ks), transA: random() < 0.5, transB: random() < 0.5, beta: random() < 0.5 ? 0 : 1 });
}

describe('wasm GEMM with A packed ahead (packWasmA)', () => {
  const pools: GemmThreadPool[] = [];
  afterAll(async () => {
    await Promise.all(pools.map((p) => p.dispose()));
  });

  it('gives the bits of packing per call over 40 shapes across the tile and block edges', () => {
    shapes.forEach((s, i) => expectSameBits(s, 200 + i, (s, a, lda, b, ldb, c, ldc) => {
      const packed = packWasmA(s.m, s.k, a, 5, lda, s.transA)!;
      expect(packed.blockAt.length).toBe(Math.ceil(s.m / WASM_MC) * Math.ceil(s.k / WASM_KC));
      // The packed copy is what gets multiplied: A itself may change after packing.
      a.fill(Number.NaN);
      wasmGemm(s.m, s.n, s.k, a, 5, lda, s.transA, b, 7, ldb, s.transB, c, 3, ldc, s.beta, { packedA: packed });
    }));
  });

  it('gives the same bits through the threaded GEMM on 2 threads', () => {
    const pool = new GemmThreadPool(2, { minMnk: 0, minBlockMnk: 0 });
    pools.push(pool);
    shapes.slice(0, 20).forEach((s, i) => expectSameBits(s, 300 + i, (s, a, lda, b, ldb, c, ldc) => {
      const packed = packWasmA(s.m, s.k, a, 5, lda, s.transA);
      a.fill(Number.NaN);
      threadedWasmGemm(pool, s.m, s.n, s.k, a, 5, lda, s.transA, b, 7, ldb, s.transB, c, 3, ldc, s.beta, { packedA: packed });
    }));
  }, 60_000);

  it('packs nothing where the GEMM would not pack A (fewer rows than the register tile, or no depth)', () => {
    const a = new Float32Array(64);
    expect(packWasmA(3, 8, a, 0, 8, false)).toBeUndefined();
    expect(packWasmA(8, 0, a, 0, 0, false)).toBeUndefined();
  });

  it('refuses an A packed for another shape, naming both', () => {
    const a = new Float32Array(8 * 16), b = new Float32Array(16 * 8), c = new Float32Array(8 * 8);
    const packed = packWasmA(8, 16, a, 0, 16, false)!;
    const call = (): void => wasmGemm(8, 8, 12, a, 0, 16, false, b, 0, 8, false, c, 0, 8, 0, { packedA: packed });
    expect(call).toThrow(CnnkitError);
    expect(call).toThrow(/packed as 8×16 for a 8×12 product/);
  });
});
