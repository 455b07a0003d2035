import os from 'node:os';
import {
  type Backend, type BackendCapabilities, type BackendInfo, type BackendOptions, type Executable, type FusedUpdates, type Graph,
  CnnkitError, OP_TYPES, compileWithKernels,
} from '@cnnkit/core';
import {
  GEMM_IMPLEMENTATIONS, type GemmImplementation, defaultGemmImplementation, disposeGemmThreads, setGemmImplementation, setGemmThreads,
} from './gemm/gemm';
import { fusedAdam } from './fused-updates/adam';
import { compileOptimized } from './graph/compile-graph';
import { KERNELS } from './kernels';
import { CPU_BACKEND_NAME, fromHost } from './tensor';

const VERSION = '0.0.0';

export interface CpuBackendOptions extends BackendOptions {
  /**
   * The matrix multiply under every convolution, linear layer and matmul: 'wasm-simd' (a
   * WebAssembly SIMD kernel emitted at load time; the default where the engine validates
   * WebAssembly SIMD) or 'reference' (plain TypeScript, float64 accumulation per tile). The
   * choice is process-wide: the kernels call one gemm(), so the backend created last decides.
   */
  readonly gemm?: GemmImplementation;
  /**
   * Threads for the 'wasm-simd' GEMM: 'auto' (the default with that GEMM; 1 with 'reference') is
   * os.availableParallelism(), as PyTorch and ONNX Runtime use every core; 1 multiplies on the
   * calling thread; N > 1 runs products of at least 16 M multiply-adds on N − 1 worker threads
   * plus the calling thread over a shared WebAssembly memory — a convolution's split by columns,
   * each thread writing its own im2col blocks — bit-identical to 1 thread.
   * Process-wide like `gemm`. The workers start with the first large product; dispose() ends
   * them, and they never keep the process alive.
   */
  readonly threads?: number | 'auto';
  /**
   * compile() rewrites the graph for inference (the default, true): batchNorm folded into the
   * convolution before it, relu fused into the convolution, linear layer or add before it,
   * constant convolution weights packed for the GEMM once, residual adds written in place.
   * Values equal the graph run as written to float32 rounding. false runs every node as written
   * with the plain kernels — the reference the optimized path is tested against.
   */
  readonly optimize?: boolean;
}

/** The reference backend: every op in plain TypeScript over Float32Array, on this process's CPU. */
export class CpuBackend implements Backend {
  readonly name = CPU_BACKEND_NAME;
  readonly kernels = KERNELS;
  readonly fusedUpdates: FusedUpdates = { adam: (step) => fusedAdam(step) };
  readonly capabilities: BackendCapabilities = {
    training: true,
    eager: true,
    devices: ['cpu'],
    dtypes: ['float32', 'int32'],
    ops: OP_TYPES.filter((op) => KERNELS[op] !== undefined),
  };

  /** Which GEMM this backend selected (see CpuBackendOptions.gemm). */
  readonly gemm: GemmImplementation;
  /** How many threads the GEMM uses (see CpuBackendOptions.threads). */
  readonly threads: number;
  /** Whether compile() optimizes graphs (see CpuBackendOptions.optimize). */
  readonly optimize: boolean;

  constructor(options: CpuBackendOptions = {}) {
    if (options.device !== undefined && options.device !== 'cpu' && options.device !== 'auto') {
      throw new CnnkitError('DEVICE_UNAVAILABLE', `backend 'cpu' was asked for device '${options.device}'; it runs on 'cpu' only`, { device: options.device });
    }
    const gemm: unknown = options.gemm ?? defaultGemmImplementation();
    if (!GEMM_IMPLEMENTATIONS.includes(gemm as GemmImplementation)) {
      throw new CnnkitError('INVALID_ARGUMENT', `backend 'cpu' was given gemm ${JSON.stringify(gemm)}; expected one of ${GEMM_IMPLEMENTATIONS.map((g) => `'${g}'`).join(', ')}`, { gemm: String(gemm) });
    }
    this.gemm = gemm as GemmImplementation;
    this.threads = threadCount(options.threads, this.gemm);
    if (options.optimize !== undefined && typeof options.optimize !== 'boolean') {
      throw new CnnkitError('INVALID_ARGUMENT', `backend 'cpu' was given optimize ${JSON.stringify(options.optimize)}; expected true or false`, { optimize: String(options.optimize) });
    }
    this.optimize = options.optimize ?? true;
    setGemmThreads(this.threads);
    setGemmImplementation(this.gemm);
  }

  /** Ends the GEMM's worker threads, if it started any. */
  async dispose(): Promise<void> {
    await disposeGemmThreads();
  }

  async info(): Promise<BackendInfo> {
    const cpus = os.cpus();
    return {
      name: this.name,
      device: 'cpu',
      description: `${cpus[0]?.model.trim() ?? 'unknown CPU'} (${cpus.length} logical cores), pure TypeScript on Node ${process.version}, ${GEMM_DESCRIPTIONS[this.gemm]}${this.threads > 1 ? ` on ${this.threads} threads` : ''}${this.optimize ? '' : ', graphs run as written (optimize: false)'}`,
      versions: { '@cnnkit/backend-cpu': VERSION, node: process.version },
    };
  }

  fromHost = fromHost;

  async compile(graph: Graph): Promise<Executable> {
    if (this.optimize) return compileOptimized(graph, this.name, this.kernels);
    return compileWithKernels(graph, { backend: this.name, kernels: this.kernels, upload: fromHost });
  }
}

const GEMM_DESCRIPTIONS: Readonly<Record<GemmImplementation, string>> = {
  'wasm-simd': 'matrix multiplies in WebAssembly SIMD (gemm: wasm-simd)',
  reference: 'matrix multiplies in plain TypeScript (gemm: reference)',
};

function threadCount(threads: unknown, gemm: GemmImplementation): number {
  // Unset: every core for the wasm GEMM (as PyTorch and ONNX Runtime do), one for the plain TypeScript one.
  const count = threads === undefined ? (gemm === 'wasm-simd' ? os.availableParallelism() : 1) : threads === 'auto' ? os.availableParallelism() : threads;
  if (typeof count !== 'number' || !Number.isInteger(count) || count < 1) {
    throw new CnnkitError('INVALID_ARGUMENT', `backend 'cpu' was given threads ${JSON.stringify(threads)}; expected a positive integer or 'auto'`, { threads: String(threads) });
  }
  if (count > 1 && gemm !== 'wasm-simd') {
    throw new CnnkitError('INVALID_ARGUMENT', `backend 'cpu' was given threads ${count} with gemm '${gemm}'; threads apply to the 'wasm-simd' GEMM only`, { threads: count, gemm });
  }
  return count;
}

export function createBackend(options?: CpuBackendOptions): CpuBackend {
  return new CpuBackend(options);
}
