import os from 'node:os';
import {
  type Backend, type BackendCapabilities, type BackendInfo, type BackendOptions, type Executable, type Graph,
  CnnkitError, OP_TYPES, compileWithKernels,
} from '@cnnkit/core';
import { KERNELS } from './kernels';
import { CPU_BACKEND_NAME, fromHost } from './tensor';

const VERSION = '0.0.0';

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

  constructor(options: BackendOptions = {}) {
    if (options.device !== undefined && options.device !== 'cpu' && options.device !== 'auto') {
      throw new CnnkitError('DEVICE_UNAVAILABLE', `backend 'cpu' was asked for device '${options.device}'; it runs on 'cpu' only`, { device: options.device });
    }
  }

  async info(): Promise<BackendInfo> {
    const cpus = os.cpus();
    return {
      name: this.name,
      device: 'cpu',
      description: `${cpus[0]?.model.trim() ?? 'unknown CPU'} (${cpus.length} logical cores), pure TypeScript on Node ${process.version}`,
      versions: { '@cnnkit/backend-cpu': VERSION, node: process.version },
    };
  }

  fromHost = fromHost;

  async compile(graph: Graph): Promise<Executable> {
    return compileWithKernels(graph, { backend: this.name, kernels: this.kernels, upload: fromHost });
  }
}

export function createBackend(options?: BackendOptions): CpuBackend {
  return new CpuBackend(options);
}
