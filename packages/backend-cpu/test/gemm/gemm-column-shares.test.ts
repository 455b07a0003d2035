import { CnnkitError } from '@cnnkit/core';
import { afterAll, describe, expect, it, vi } from 'vitest';
import type { GemmExtras } from '../../src/gemm/gemm-extras';
import { GemmThreadPool, MAX_SHARE_COMMANDS } from '../../src/gemm/wasm/gemm-thread-pool';
import { threadedWasmGemm } from '../../src/gemm/wasm/threaded-wasm-gemm';
import { packWasmA, wasmGemm } from '../../src/gemm/wasm/wasm-gemm';
import type { WasmGemmKernel } from '../../src/gemm/wasm/wasm-kernel';
import { batchedIm2colWriter } from '../../src/kernels/batched-conv';
import { type Im2colPlan, im2colBlock, planIm2col } from '../../src/kernels/im2col';
import { randomF32, seeded } from '../../src/kernels/kernel-test-data';

/** A convolution's geometry for the GEMM: its im2col plan and what one image of input holds. */
function convPlan(channels: number, size: number, kernel: number, stride: number, pad: number): { plan: Im2colPlan; imageSize: number } {
  const out = Math.floor((size + 2 * pad - kernel) / stride) + 1;
  const plan = planIm2col({ channels, inSize: [size, size], kernel: [kernel, kernel], strides: [stride, stride], dilations: [1, 1], padBegins: [pad, pad], outSize: [out, out], circular: false });
  return { plan, imageSize: channels * size * size };
}

function perImageWriter(plan: Im2colPlan) {
  return (src: Float32Array, srcAt: number, out: Float32Array, outAt: number, r0: number, rows: number, c0: number, cols: number, wasm?: WasmGemmKernel): void => {
    im2colBlock(src, srcAt, plan, r0, rows, c0, cols, out, outAt, wasm);
  };
}

interface Case {
  readonly label: string;
  readonly m: number; readonly n: number; readonly k: number;
  readonly transB: boolean; readonly beta: 0 | 1;
  readonly source: number;
  readonly extras: (a: Float32Array) => GemmExtras;
}

/** Same bits in all of c (C's window and the margins around it) from the single-threaded wasm GEMM and the pool's column shares. */
function expectSameAsOneThread(pool: GemmThreadPool, t: Case, seed: number): void {
  const random = seeded(seed);
  const a = randomF32(random, t.m * t.k);
  const b = randomF32(random, t.source);
  const ldc = t.n + 3;
  const c0 = randomF32(random, 2 + t.m * ldc);
  const single = Float32Array.from(c0), threaded = Float32Array.from(c0);
  const extras = t.extras(a);
  wasmGemm(t.m, t.n, t.k, a, 0, t.k, false, b, 0, 0, t.transB, single, 2, ldc, t.beta, extras);
  threadedWasmGemm(pool, t.m, t.n, t.k, a, 0, t.k, false, b, 0, 0, t.transB, threaded, 2, ldc, t.beta, extras);
  const one = new Uint32Array(single.buffer), many = new Uint32Array(threaded.buffer);
  for (let i = 0; i < one.length; i++) if (one[i] !== many[i]) expect.fail(`${t.label}: c[${i}] is ${threaded[i]} in column shares, ${single[i]} on one thread`);
}

describe('threaded wasm GEMM: column shares (each thread writes, packs and multiplies its own columns of B)', () => {
  const pools: GemmThreadPool[] = [];
  afterAll(async () => { await Promise.all(pools.map((p) => p.dispose())); });

  it('runShares: a worker replays the calls recorded for its share, with the effect of making them here', () => {
    const pool = new GemmThreadPool(2);
    pools.push(pool);
    const heap = pool.heap(4 * 4096);
    heap.set(randomF32(seeded(1), 1024), 0);
    // Two packings of the same 8 × 64 block (stride 64 floats) into panels: one by the worker, one here.
    const pack = (at: number) => (k: WasmGemmKernel): void => k.packCopyB(0, 64 * 4, 8, 8, at * 4);
    heap.fill(0, 1024, 3072);
    pool.runShares([() => {}, pack(1024)]);
    pack(2048)(pool.kernel);
    expect(heap.subarray(1024, 1536).some((v) => v !== 0)).toBe(true);
    expect(Array.from(heap.subarray(1024, 1536))).toEqual(Array.from(heap.subarray(2048, 2560)));
  });

  it('runShares: a share that records more calls than the command buffer holds runs on the calling thread, with the same effect', () => {
    const pool = new GemmThreadPool(2);
    pools.push(pool);
    const heap = pool.heap(4 * 4096);
    heap.set(randomF32(seeded(2), 1024), 0);
    heap.fill(0, 1024, 1536);
    const many = (k: WasmGemmKernel): void => { for (let i = 0; i <= MAX_SHARE_COMMANDS; i++) k.packCopyB(0, 64 * 4, 8, 8, 1024 * 4); };
    pool.runShares([() => {}, many]);
    pool.kernel.packCopyB(0, 64 * 4, 8, 8, 2048 * 4);
    expect(Array.from(heap.subarray(1024, 1536))).toEqual(Array.from(heap.subarray(2048, 2560)));
  });

  it('runShares: a share that calls a function workers do not replay is refused with the function named', () => {
    const pool = new GemmThreadPool(2);
    pools.push(pool);
    pool.heap(4096);
    const run = (): void => pool.runShares([() => {}, (k) => k.relu(0, 1, 1, 16, 0)]);
    expect(run).toThrow(CnnkitError);
    expect(run).toThrow(/relu.*expected only im2colRow/);
  });

  it('convolution GEMMs (im2col written in wasm) come out bit-identical to one thread: forward, filter gradient, bias + relu, accumulate, packed weights', () => {
    const pool = new GemmThreadPool(2, { minMnk: 0 });
    pools.push(pool);
    const shares = vi.spyOn(pool, 'runShares');
    const lenet2 = convPlan(6, 14, 5, 1, 0); // LeNet-5's second convolution over a batch of 8
    const resnet = convPlan(16, 28, 3, 2, 1); // a strided 3 × 3 over one image, depth 144
    const deep = convPlan(40, 9, 3, 1, 1); // depth 360: two depth blocks
    const batch = 8;
    const cases: Case[] = [
      {
        label: 'batched forward, bias + relu', m: 16, n: batch * lenet2.plan.cols, k: lenet2.plan.rows, transB: false, beta: 0, source: batch * lenet2.imageSize,
        extras: () => ({ writeB: batchedIm2colWriter(lenet2.plan, lenet2.imageSize), bSourceLength: batch * lenet2.imageSize, writeBInWasm: true, rowBias: randomF32(seeded(3), 16), relu: true }),
      },
      {
        label: 'batched filter gradient (B transposed)', m: 16, n: lenet2.plan.rows, k: batch * lenet2.plan.cols, transB: true, beta: 0, source: batch * lenet2.imageSize,
        extras: () => ({ writeB: batchedIm2colWriter(lenet2.plan, lenet2.imageSize), bSourceLength: batch * lenet2.imageSize, writeBInWasm: true }),
      },
      {
        label: 'one image, strided, packed weights, accumulating', m: 20, n: resnet.plan.cols, k: resnet.plan.rows, transB: false, beta: 1, source: resnet.imageSize,
        extras: (a) => ({ writeB: perImageWriter(resnet.plan), bSourceLength: resnet.imageSize, writeBInWasm: true, packedA: packWasmA(20, resnet.plan.rows, a, 0, resnet.plan.rows, false) }),
      },
      {
        label: 'one image, two depth blocks', m: 130, n: deep.plan.cols, k: deep.plan.rows, transB: false, beta: 0, source: deep.imageSize,
        extras: () => ({ writeB: perImageWriter(deep.plan), bSourceLength: deep.imageSize, writeBInWasm: true, rowBias: randomF32(seeded(4), 130) }),
      },
    ];
    cases.forEach((t, i) => expectSameAsOneThread(pool, t, 10 + i));
    expect(shares).toHaveBeenCalledTimes(cases.length);
  });

  it('keeps the block-by-block split where the writer may store from JavaScript (writeBInWasm unset)', () => {
    const pool = new GemmThreadPool(2, { minMnk: 0 });
    pools.push(pool);
    const shares = vi.spyOn(pool, 'runShares');
    const { plan, imageSize } = convPlan(6, 14, 5, 1, 0);
    expectSameAsOneThread(pool, {
      label: 'forward without writeBInWasm', m: 16, n: plan.cols, k: plan.rows, transB: false, beta: 0, source: imageSize,
      extras: () => ({ writeB: perImageWriter(plan), bSourceLength: imageSize }),
    }, 20);
    expect(shares).not.toHaveBeenCalled();
  });
});
