import { CnnkitError } from '@cnnkit/core';
import { type GemmExtras, NO_EXTRAS, applyEpilogue, checkReadC, materializeB, readWholeC } from './gemm-extras';
import { referenceGemm } from './reference-gemm';
import { GemmThreadPool, THREADED_GEMM_MIN_MNK } from './wasm/gemm-thread-pool';
import { threadedWasmGemm } from './wasm/threaded-wasm-gemm';
import { type WasmPackedA, packWasmA, wasmGemm } from './wasm/wasm-gemm';
import { wasmSimdSupported } from './wasm/wasm-kernel';

/** The GEMM implementations: plain TypeScript, or the WebAssembly SIMD macro-kernel. */
export type GemmImplementation = 'wasm-simd' | 'reference';
export const GEMM_IMPLEMENTATIONS: readonly GemmImplementation[] = ['wasm-simd', 'reference'];

/** 'wasm-simd' where this engine validates WebAssembly SIMD, else 'reference'. */
export function defaultGemmImplementation(): GemmImplementation {
  return wasmSimdSupported() ? 'wasm-simd' : 'reference';
}

let activeName: GemmImplementation | undefined;
/**
 * gemm()'s parameters, which every implementation takes: m, n, k; a, aOffset, lda, transA;
 * b, bOffset, ldb, transB; c, cOffset, ldc; beta; extras (see gemm()).
 */
type GemmFunction = (
  m: number, n: number, k: number,
  a: Float32Array, aOffset: number, lda: number, transA: boolean,
  b: Float32Array, bOffset: number, ldb: number, transB: boolean,
  c: Float32Array, cOffset: number, ldc: number,
  beta: 0 | 1,
  extras?: GemmExtras,
) => void;

/** op(A) packed ahead by packGemmA for the GEMM that is active now. */
export type PackedGemmA = WasmPackedA;

let active: GemmFunction | undefined;
let threadCount = 1;
let pool: GemmThreadPool | undefined;

/** The wasm GEMM on the thread pool, which starts with the first GEMM large enough to use it. */
const pooledWasmGemm: GemmFunction = (m, n, k, a, aOffset, lda, transA, b, bOffset, ldb, transB, c, cOffset, ldc, beta, extras) => {
  if (pool === undefined && m * n * k < THREADED_GEMM_MIN_MNK) {
    wasmGemm(m, n, k, a, aOffset, lda, transA, b, bOffset, ldb, transB, c, cOffset, ldc, beta, extras);
    return;
  }
  pool ??= new GemmThreadPool(threadCount);
  threadedWasmGemm(pool, m, n, k, a, aOffset, lda, transA, b, bOffset, ldb, transB, c, cOffset, ldc, beta, extras);
};

/**
 * The reference GEMM with the extras: B written whole when a writer stands for it, the
 * epilogue applied afterwards, a packed A ignored (it multiplies A itself).
 */
const referenceGemmWithExtras: GemmFunction = (m, n, k, a, aOffset, lda, transA, b, bOffset, ldb, transB, c, cOffset, ldc, beta, extras = NO_EXTRAS) => {
  checkReadC(beta, extras);
  const { readC, ...storing } = extras;
  if (readC !== undefined) {
    readWholeC(m, n, extras, (whole) => referenceGemmWithExtras(m, n, k, a, aOffset, lda, transA, b, bOffset, ldb, transB, whole, 0, n, 0, { ...storing, rowBias: undefined, relu: undefined }));
    return;
  }
  if (extras.writeB !== undefined && m > 0 && n > 0 && k > 0) {
    const [rows, cols] = transB ? [n, k] : [k, n];
    referenceGemm(m, n, k, a, aOffset, lda, transA, materializeB(extras.writeB, b, bOffset, rows, cols), 0, cols, transB, c, cOffset, ldc, beta);
  } else {
    referenceGemm(m, n, k, a, aOffset, lda, transA, b, bOffset, ldb, transB, c, cOffset, ldc, beta);
  }
  applyEpilogue(c, cOffset, ldc, Math.max(m, 0), Math.max(n, 0), extras);
};

/**
 * Chooses the implementation every later gemm() call uses, process-wide (per worker thread):
 * the kernels call gemm() directly, so the choice is module state rather than plumbing through
 * every kernel. The cpu backend sets it when created from its `gemm` option.
 */
export function setGemmImplementation(name: GemmImplementation): void {
  if (name === 'wasm-simd') {
    if (!wasmSimdSupported()) {
      throw new CnnkitError('INVALID_ARGUMENT', "gemm 'wasm-simd' was asked for, but this JavaScript engine does not validate WebAssembly SIMD; use gemm 'reference'", { gemm: name });
    }
    active = threadCount > 1 ? pooledWasmGemm : wasmGemm;
  } else if (name === 'reference') {
    active = referenceGemmWithExtras;
  } else {
    throw new CnnkitError('INVALID_ARGUMENT', `gemm '${String(name)}' is not an implementation; expected one of ${GEMM_IMPLEMENTATIONS.map((g) => `'${g}'`).join(', ')}`, { gemm: String(name) });
  }
  activeName = name;
}

/**
 * How many threads the 'wasm-simd' GEMM uses from now on, process-wide like the implementation:
 * 1 runs every GEMM on the calling thread (wasm-gemm.ts); more runs GEMMs of at least
 * THREADED_GEMM_MIN_MNK multiply-adds on a pool of threads − 1 workers plus the calling thread
 * (threaded-wasm-gemm.ts). The 'reference' GEMM always runs on the calling thread. A change of
 * count ends the old pool's workers.
 */
export function setGemmThreads(threads: number): void {
  if (!Number.isInteger(threads) || threads < 1) {
    throw new CnnkitError('INVALID_ARGUMENT', `the GEMM was given ${String(threads)} threads; expected an integer of at least 1`, { threads: String(threads) });
  }
  if (threads !== threadCount) void disposeGemmThreads();
  threadCount = threads;
  if (activeName !== undefined) setGemmImplementation(activeName);
}

export function gemmThreads(): number {
  return threadCount;
}

/** The running thread pool, if a threaded GEMM has started one (tests look at its workers). */
export function gemmThreadPool(): GemmThreadPool | undefined {
  return pool;
}

/**
 * Ends the pool's worker threads (the cpu backend's dispose() calls this). The thread count
 * stays: a later large GEMM starts a new pool.
 */
export async function disposeGemmThreads(): Promise<void> {
  const ending = pool;
  pool = undefined;
  await ending?.dispose();
}

/** The implementation gemm() runs now (the default until something chose one). */
export function gemmImplementation(): GemmImplementation {
  if (activeName === undefined) setGemmImplementation(defaultGemmImplementation());
  return activeName!;
}

/**
 * C[m×n] = op(A)[m×k] · op(B)[k×n] + beta·C, row-major with leading dimensions and offsets, so
 * callers can multiply sub-blocks (one convolution group, one batch item) without copying.
 * op(X) is X or its transpose. beta is 0 (overwrite) or 1 (accumulate). `extras` (gemm-extras.ts)
 * may supply A packed ahead, B written a block at a time, and a bias + relu epilogue; every
 * implementation honours them. Runs the implementation
 * chosen with setGemmImplementation (reference-gemm.ts, wasm/wasm-gemm.ts).
 */
export function gemm(...args: Parameters<GemmFunction>): void {
  if (active === undefined) gemmImplementation();
  active!(...args);
}

/**
 * op(A) packed once for later gemm() calls with the same A, m and k (extras.packedA), where the active
 * implementation packs A (the 'wasm-simd' GEMM); undefined where it would not use one. The
 * implementations that do not use it ignore it, so a packed A stays correct if the process
 * switches implementation afterwards.
 */
export function packGemmA(m: number, k: number, a: Float32Array, aOffset: number, lda: number, transA: boolean): PackedGemmA | undefined {
  return gemmImplementation() === 'wasm-simd' ? packWasmA(m, k, a, aOffset, lda, transA) : undefined;
}
