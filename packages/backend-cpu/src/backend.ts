import os from 'node:os';
import {
  type Backend, type BackendCapabilities, type BackendInfo, type BackendOptions, type Executable, type Graph,
  CnnkitError, OP_TYPES, compileWithKernels,
} from '@cnnkit/core';
import { GEMM_IMPLEMENTATIONS, type GemmImplementation, defaultGemmImplementation, setGemmImplementation } from './gemm/gemm';
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
}

/** The reference backend: every op in plain TypeScript over Float32Array, on this process's CPU. */
export class CpuBackend implements Backend {
  readonly name = CPU_BACKEND_NAME;
  readonly kernels = KERNELS;
  readonly capabilities: BackendCapabilities = {
    training: true,
    eager: true,
    devices: ['cpu'],
    dtypes: ['float32', 'int32'],
    ops: OP_TYPES.filter((op) => KERNELS[op] !== undefined),
  };

  /** Which GEMM this backend selected (see CpuBackendOptions.gemm). */
  readonly gemm: GemmImplementation;

  constructor(options: CpuBackendOptions = {}) {
    if (options.device !== undefined && options.device !== 'cpu' && options.device !== 'auto') {
      throw new CnnkitError('DEVICE_UNAVAILABLE', `backend 'cpu' was asked for device '${options.device}'; it runs on 'cpu' only`, { device: options.device });
    }
    const gemm: unknown = options.gemm ?? defaultGemmImplementation();
    if (!GEMM_IMPLEMENTATIONS.includes(gemm as GemmImplementation)) {
      throw new CnnkitError('INVALID_ARGUMENT', `backend 'cpu' was given gemm ${JSON.stringify(gemm)}; expected one of ${GEMM_IMPLEMENTATIONS.map((g) => `'${g}'`).join(', ')}`, { gemm: String(gemm) });
    }
    this.gemm = gemm as GemmImplementation;
    setGemmImplementation(this.gemm);
  }

  async info(): Promise<BackendInfo> {
    const cpus = os.cpus();
    return {
      name: this.name,
      device: 'cpu',
      description: `${cpus[0]?.model.trim() ?? 'unknown CPU'} (${cpus.length} logical cores), pure TypeScript on Node ${process.version}, ${GEMM_DESCRIPTIONS[this.gemm]}`,
      versions: { '@cnnkit/backend-cpu': VERSION, node: process.version },
    };
  }

  fromHost = fromHost;

  async compile(graph: Graph): Promise<Executable> {
    return compileWithKernels(graph, { backend: this.name, kernels: this.kernels, upload: fromHost });
  }
}

const GEMM_DESCRIPTIONS: Readonly<Record<GemmImplementation, string>> = {
  'wasm-simd': 'matrix multiplies in WebAssembly SIMD (gemm: wasm-simd)',
  reference: 'matrix multiplies in plain TypeScript (gemm: reference)',
};

export function createBackend(options?: CpuBackendOptions): CpuBackend {
  return new CpuBackend(options);
}
