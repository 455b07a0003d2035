import { afterAll, describe, expect, it } from 'vitest';
import type { GemmExtras } from '../../src/gemm/gemm-extras';
import { GemmThreadPool } from '../../src/gemm/wasm/gemm-thread-pool';
import { threadedWasmGemm } from '../../src/gemm/wasm/threaded-wasm-gemm';
import { wasmGemm } from '../../src/gemm/wasm/wasm-gemm';
import { referenceGemm } from '../../src/gemm/reference-gemm';
import { gemm, gemmImplementation, setGemmImplementation } from '../../src/gemm/gemm';
import { randomF32, seeded } from '../../src/kernels/kernel-test-data';

type Gemm = (...args: Parameters<typeof wasmGemm>) => void;

/**
 * B handed over as a block writer plus a row-bias + relu epilogue must give what the plain
 * product does with B whole and the epilogue done by hand afterwards. Checked in the first rows
 * and columns too, where blocks and register tiles start, and for m below the register tile
 * (where no packing happens and B must be written whole).
 */
function check(run: Gemm, m: number, n: number, k: number, beta: 0 | 1, relu: boolean, seed: number, transB = false): void {
  const random = seeded(seed);
  const a = randomF32(random, m * k), b = randomF32(random, k * n), bias = randomF32(random, m + 2);
  const c0 = randomF32(random, m * n + 3);
  const expected = Float32Array.from(c0);
  // B as stored: k×n, or n×k read transposed.
  const ldb = transB ? k : n;
  referenceGemm(m, n, k, a, 0, k, false, b, 0, ldb, transB, expected, 1, n, beta);
  for (let i = 0; i < m; i++) for (let j = 0; j < n; j++) {
    const v = expected[1 + i * n + j]! + bias[2 + i]!;
    expected[1 + i * n + j] = relu && v < 0 ? 0 : v;
  }
  let blocksAsked = 0;
  const extras: GemmExtras = {
    writeB: (src, srcAt, out, outAt, r0, rows, c0, cols) => {
      blocksAsked++;
      for (let r = 0; r < rows; r++) for (let c = 0; c < cols; c++) out[outAt + r * cols + c] = src[srcAt + (r0 + r) * ldb + c0 + c]!;
    },
    bSourceLength: k * n,
    rowBias: bias, rowBiasAt: 2, relu,
  };
  const actual = Float32Array.from(c0);
  // The writer reads B through the source it is handed: b at an offset here, with ldb deliberately
  // wrong (it is not used when a writer stands for B).
  const bAt = 5, shifted = new Float32Array(bAt + k * n + 2).fill(Number.NaN);
  shifted.set(b, bAt);
  run(m, n, k, a, 0, k, false, shifted, bAt, 1, transB, actual, 1, n, beta, extras);
  expect(blocksAsked).toBeGreaterThan(0);
  expect(actual[0]).toBe(c0[0]);
  for (let at = 1 + m * n; at < actual.length; at++) expect(actual[at]).toBe(c0[at]);
  for (let i = 0; i < m * n; i++) {
    const want = expected[1 + i]!, got = actual[1 + i]!;
    if (Math.abs(got - want) > 1e-5 * (1 + Math.abs(want)) * k) expect.fail(`m ${m} n ${n} k ${k} beta ${beta} relu ${relu}: C[${i}] is ${got}, expected ${want}`);
    if (relu) expect(got).toBeGreaterThanOrEqual(0);
  }
}

const shapes: [number, number, number][] = [[3, 10, 7], [4, 8, 1], [9, 600, 300], [130, 70, 257], [17, 513, 40]];

describe('gemm extras: B written a block at a time (as stored, plain or transposed), bias + relu epilogue', () => {
  const pools: GemmThreadPool[] = [];
  afterAll(async () => {
    await Promise.all(pools.map((p) => p.dispose()));
  });

  it('the wasm GEMM', () => {
    shapes.forEach(([m, n, k], i) => {
      check(wasmGemm, m, n, k, 0, true, i);
      check(wasmGemm, m, n, k, 1, false, 10 + i);
      check(wasmGemm, m, n, k, i % 2 === 0 ? 0 : 1, i % 2 === 1, 40 + i, true);
    });
  });

  it('the threaded wasm GEMM on 2 threads', () => {
    const pool = new GemmThreadPool(2, { minMnk: 0, minBlockMnk: 0 });
    pools.push(pool);
    shapes.forEach(([m, n, k], i) => check((...args) => threadedWasmGemm(pool, ...args), m, n, k, i % 2 === 0 ? 0 : 1, true, 20 + i, i % 2 === 1));
  }, 60_000);

  it('the reference GEMM through gemm()', () => {
    const before = gemmImplementation();
    setGemmImplementation('reference');
    try {
      shapes.forEach(([m, n, k], i) => check(gemm, m, n, k, i % 2 === 0 ? 0 : 1, i % 2 === 0, 30 + i, i % 2 === 0));
    } finally {
      setGemmImplementation(before);
    }
  });
});

/**
 * A C reader that copies each block it is handed into its target, which is m × n plus a margin
 * of NaN: after the product the target must hold the product with the epilogue, every column
 * exactly once, and the caller's c must be untouched.
 */
function checkReader(run: Gemm, m: number, n: number, k: number, relu: boolean, seed: number): void {
  const random = seeded(seed);
  const a = randomF32(random, m * k), b = randomF32(random, k * n), bias = randomF32(random, m);
  const expected = new Float32Array(m * n);
  referenceGemm(m, n, k, a, 0, k, false, b, 0, n, false, expected, 0, n, 0);
  for (let i = 0; i < m; i++) for (let j = 0; j < n; j++) {
    const v = expected[i * n + j]! + bias[i]!;
    expected[i * n + j] = relu && v < 0 ? 0 : v;
  }
  const target = new Float32Array(2 + m * n + 2).fill(Number.NaN);
  const seen = new Int32Array(n);
  const extras: GemmExtras = {
    rowBias: bias, relu,
    readCTarget: target,
    readC: (block, blockAt, stride, rows, c0, cols, into, intoAt) => {
      expect(rows).toBe(m);
      for (let j = 0; j < cols; j++) seen[c0 + j]!++;
      for (let r = 0; r < rows; r++) for (let j = 0; j < cols; j++) into[intoAt + 2 + r * n + c0 + j] = block[blockAt + r * stride + j]!;
    },
  };
  const c = new Float32Array(m * n).fill(7);
  run(m, n, k, a, 0, k, false, b, 0, n, false, c, 0, n, 0, extras);
  expect([...seen].every((v) => v === 1), `every column handed over once (m ${m} n ${n} k ${k})`).toBe(true);
  expect([...c].every((v) => v === 7)).toBe(true);
  expect([target[0], target[1], target[target.length - 2], target[target.length - 1]]).toEqual([NaN, NaN, NaN, NaN]);
  for (let i = 0; i < m * n; i++) {
    const want = expected[i]!, got = target[2 + i]!;
    if (Math.abs(got - want) > 1e-5 * (1 + Math.abs(want)) * k) expect.fail(`m ${m} n ${n} k ${k} relu ${relu}: C[${i}] reached the reader as ${got}, expected ${want}`);
  }
}

describe('gemm extras: C handed to a block reader instead of stored', () => {
  const readerShapes: [number, number, number][] = [[3, 10, 7], [9, 600, 300], [130, 1100, 20], [16, 513, 40]];
  const pools: GemmThreadPool[] = [];
  afterAll(async () => {
    await Promise.all(pools.map((p) => p.dispose()));
  });

  it('the wasm GEMM, the threaded wasm GEMM and the reference GEMM', () => {
    const pool = new GemmThreadPool(2, { minMnk: 0, minBlockMnk: 0 });
    pools.push(pool);
    const before = gemmImplementation();
    readerShapes.forEach(([m, n, k], i) => {
      checkReader(wasmGemm, m, n, k, i % 2 === 0, 50 + i);
      checkReader((...args) => threadedWasmGemm(pool, ...args), m, n, k, i % 2 === 1, 60 + i);
      setGemmImplementation('reference');
      try {
        checkReader(gemm, m, n, k, true, 70 + i);
      } finally {
        setGemmImplementation(before);
      }
    });
  }, 60_000);

  it('refuses beta 1 with a reader, naming it', () => {
    const extras: GemmExtras = { readC: () => undefined };
    const one = new Float32Array(16);
    expect(() => wasmGemm(4, 4, 1, one, 0, 1, false, one, 0, 4, false, one, 0, 4, 1, extras)).toThrow(/C block reader with beta 1; expected beta 0/);
  });
});
