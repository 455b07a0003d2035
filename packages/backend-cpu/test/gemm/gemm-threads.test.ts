import os from 'node:os';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { createBackend } from '../../src';
import { disposeGemmThreads, gemm, gemmThreadPool, gemmThreads, setGemmThreads } from '../../src/gemm/gemm';
import { GemmThreadPool, THREADED_GEMM_MIN_MNK } from '../../src/gemm/wasm/gemm-thread-pool';
import { threadedWasmGemm } from '../../src/gemm/wasm/threaded-wasm-gemm';
import { wasmGemm } from '../../src/gemm/wasm/wasm-gemm';
import { randomF32, seeded } from '../../src/kernels/kernel-test-data';

interface Shape {
  m: number; n: number; k: number; transA: boolean; transB: boolean; beta: 0 | 1;
}

/**
 * Runs the single-threaded wasm GEMM and the threaded one on the same operands (inside larger
 * arrays with padded leading dimensions and offsets) and demands the same bits everywhere:
 * the threaded GEMM makes the same macro-kernel tile computations in the same depth order, so
 * not even rounding may differ, and nothing outside C's window may change.
 */
function expectBitIdentical(run: (...args: Parameters<typeof threadedWasmGemm> extends [unknown, ...infer Rest] ? Rest : never) => void, s: Shape, seed: number): void {
  const random = seeded(seed);
  const aRows = s.transA ? s.k : s.m, aCols = s.transA ? s.m : s.k;
  const bRows = s.transB ? s.n : s.k, bCols = s.transB ? s.k : s.n;
  const lda = aCols + 3, ldb = bCols + 1, ldc = s.n + 2;
  const a = randomF32(random, 5 + aRows * lda);
  const b = randomF32(random, 7 + bRows * ldb);
  const c0 = randomF32(random, 3 + s.m * ldc + 4);
  const single = Float32Array.from(c0), threaded = Float32Array.from(c0);
  wasmGemm(s.m, s.n, s.k, a, 5, lda, s.transA, b, 7, ldb, s.transB, single, 3, ldc, s.beta);
  run(s.m, s.n, s.k, a, 5, lda, s.transA, b, 7, ldb, s.transB, threaded, 3, ldc, s.beta);
  const single32 = new Uint32Array(single.buffer), threaded32 = new Uint32Array(threaded.buffer);
  for (let at = 0; at < single.length; at++) {
    if (single32[at] !== threaded32[at]) expect.fail(`${JSON.stringify(s)}: C[${at}] is ${threaded[at]} threaded, ${single[at]} on one thread`);
  }
}

const shapes: Shape[] = [];
{
  const random = seeded(11);
  const pick = (values: readonly number[]): number => values[Math.floor(random() * values.length)]!;
  // Edges of the tiles (MR 4, NR 8), of the blocks (KC 256, MC 128, NC 512) and of the shares.
  const ms = [4, 5, 7, 8, 13, 64, 127, 128, 129, 300], ns = [1, 7, 8, 9, 17, 49, 511, 512, 513, 1100], ks = [1, 3, 27, 255, 256, 257, 600];
  for (let i = 0; i < 60; i++) {
    shapes.push({ m: pick(ms), n: pick(ns), k: pick(ks), transA: random() < 0.5, transB: random() < 0.5, beta: random() < 0.5 ? 0 : 1 });
  }
}

describe('threaded wasm GEMM', () => {
  const pools: GemmThreadPool[] = [];
  afterAll(async () => {
    await Promise.all(pools.map((p) => p.dispose()));
    await disposeGemmThreads();
    setGemmThreads(1);
  });

  it.each([2, 3])('is bit-identical to the single-threaded wasm GEMM over 60 shapes on %i threads, every one split', (threads) => {
    // minMnk 0: even the smallest shapes go through the pool, so every split path is checked.
    const pool = new GemmThreadPool(threads, { minMnk: 0, minBlockMnk: 0 });
    pools.push(pool);
    shapes.forEach((s, i) => expectBitIdentical((...args) => threadedWasmGemm(pool, ...args), s, 100 + i));
  }, 120_000);

  it('splits by rows when there are more row panels than column panels, by columns otherwise, both exact', () => {
    const pool = new GemmThreadPool(2, { minMnk: 0, minBlockMnk: 0 });
    pools.push(pool);
    expectBitIdentical((...args) => threadedWasmGemm(pool, ...args), { m: 1000, n: 9, k: 70, transA: false, transB: false, beta: 0 }, 1);
    expectBitIdentical((...args) => threadedWasmGemm(pool, ...args), { m: 12, n: 2000, k: 70, transA: true, transB: true, beta: 1 }, 2);
  });

  it('through gemm() with threads 2: below the threshold on the calling thread, above it on the pool, both exact', async () => {
    await disposeGemmThreads();
    createBackend({ gemm: 'wasm-simd', threads: 2 });
    expect(gemmThreads()).toBe(2);
    const small: Shape = { m: 16, n: 100, k: 50, transA: false, transB: false, beta: 0 };
    expect(small.m * small.n * small.k).toBeLessThan(THREADED_GEMM_MIN_MNK);
    expectBitIdentical(gemm, small, 3);
    expect(gemmThreadPool()).toBeUndefined(); // nothing large enough ran yet: no workers started
    const large: Shape = { m: 64, n: 3136, k: 576, transA: false, transB: false, beta: 1 };
    expect(large.m * large.n * large.k).toBeGreaterThanOrEqual(THREADED_GEMM_MIN_MNK);
    expectBitIdentical(gemm, large, 4);
    expect(gemmThreadPool()?.workers.length).toBe(1);
  }, 60_000);

  it('backend.dispose() terminates the workers', async () => {
    const backend = createBackend({ threads: 2 });
    const c = new Float32Array(128 * 256);
    gemm(128, 256, 256, new Float32Array(128 * 256).fill(1), 0, 256, false, new Float32Array(256 * 256).fill(1), 0, 256, false, c, 0, 256, 0);
    expect(c[0]).toBe(256);
    const workers = gemmThreadPool()!.workers;
    expect(workers.every((w) => w.threadId > 0)).toBe(true);
    await backend.dispose();
    expect(workers.every((w) => w.threadId === -1)).toBe(true); // -1 once a worker has exited
    expect(gemmThreadPool()).toBeUndefined();
    setGemmThreads(1);
  }, 60_000);

  it('a worker that died surfaces as a CnnkitError after the timeout, not a hang', async () => {
    const pool = new GemmThreadPool(2, { minMnk: 0, minBlockMnk: 0, timeoutMs: 300 });
    pools.push(pool);
    const s: Shape = { m: 64, n: 64, k: 64, transA: false, transB: false, beta: 0 };
    expectBitIdentical((...args) => threadedWasmGemm(pool, ...args), s, 5); // the worker is up
    await pool.workers[0]!.terminate();
    const c = new Float32Array(64 * 64);
    const call = (): void => threadedWasmGemm(pool, 64, 64, 64, new Float32Array(4096), 0, 64, false, new Float32Array(4096), 0, 64, false, c, 0, 64, 0);
    expect(call).toThrow(expect.objectContaining({ name: 'CnnkitError', code: 'DEVICE_UNAVAILABLE', message: expect.stringMatching(/worker thread 1 of 1 did not finish its share within 300 ms/) }));
    expect(call).toThrow(/did not finish/); // and stays refused, without waiting again
  });

  it('keeps packed blocks under minBlockMnk on the calling thread: no handoff, so even a dead worker is never waited on', async () => {
    const pool = new GemmThreadPool(2, { minMnk: 0, minBlockMnk: 64 * 64 * 64 + 1, timeoutMs: 300 });
    pools.push(pool);
    await pool.workers[0]!.terminate();
    // 64 × 64 × 64 is one block under the limit: computed on this thread, bit for bit.
    expectBitIdentical((...args) => threadedWasmGemm(pool, ...args), { m: 64, n: 64, k: 64, transA: false, transB: false, beta: 0 }, 6);
    // A block over it is handed to the (dead) worker and times out.
    const c = new Float32Array(128 * 64);
    expect(() => threadedWasmGemm(pool, 128, 64, 64, new Float32Array(128 * 64), 0, 64, false, new Float32Array(4096), 0, 64, false, c, 0, 64, 0)).toThrow(/did not finish its share/);
  });

  it('uses every core by default with the wasm GEMM, one with the reference GEMM', () => {
    expect(createBackend().threads).toBe(os.availableParallelism());
    expect(createBackend({ gemm: 'reference' }).threads).toBe(1);
    expect(createBackend({ threads: 1 }).threads).toBe(1);
    createBackend({ gemm: 'wasm-simd', threads: 1 });
  });

  it('refuses a thread count that is not a positive integer, and threads with the reference GEMM', () => {
    expect(() => createBackend({ threads: 0 })).toThrow(/given threads 0; expected a positive integer or 'auto'/);
    expect(() => createBackend({ threads: 1.5 })).toThrow(/given threads 1.5/);
    expect(() => createBackend({ gemm: 'reference', threads: 2 })).toThrow(/threads apply to the 'wasm-simd' GEMM/);
    createBackend({ gemm: 'wasm-simd' });
  });

  it('a process that multiplies on threads exits on its own (the workers are unref()d)', () => {
    const script = `
      import { createBackend } from './src/index.ts';
      import { gemm } from './src/gemm/gemm.ts';
      createBackend({ threads: 2 });
      const c = new Float32Array(256 * 256);
      gemm(256, 256, 256, new Float32Array(65536).fill(1), 0, 256, false, new Float32Array(65536).fill(2), 0, 256, false, c, 0, 256, 0);
      console.log('c00', c[0]);
    `;
    const root = fileURLToPath(new URL('../..', import.meta.url));
    const child = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { cwd: root, encoding: 'utf8', timeout: 60_000 });
    expect(child.stderr).toBe('');
    expect(child.stdout.trim()).toBe('c00 512');
    expect(child.status).toBe(0);
  }, 70_000);
});
