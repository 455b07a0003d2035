// cpu backends altered in one way each, for proving that the conformance suite notices.
import { type Backend, type BackendCapabilities, type BackendInfo, type Kernel, type KernelTable, type OpType, compileWithKernels } from '@cnnkit/core';
import { KERNELS, createBackend, cpuTensor } from '../src';

/** The cpu backend with some kernels replaced (and, optionally, other claims). */
export function cpuWith(overrides: {
  readonly kernels?: KernelTable;
  readonly capabilities?: Partial<BackendCapabilities>;
  readonly info?: Partial<BackendInfo>;
}): Backend & { compiled: number } {
  const cpu = createBackend();
  const kernels: KernelTable = { ...KERNELS, ...overrides.kernels };
  const backend = {
    name: cpu.name,
    capabilities: { ...cpu.capabilities, ...overrides.capabilities },
    kernels,
    compiled: 0,
    info: async () => ({ ...(await cpu.info()), ...overrides.info }),
    fromHost: cpu.fromHost,
    compile: async (graph: Parameters<Backend['compile']>[0]) => {
      backend.compiled++;
      return compileWithKernels(graph, { backend: cpu.name, kernels, upload: cpu.fromHost });
    },
  };
  return backend;
}

/** A kernel's real outputs, each value nudged by 5% + 0.01: beyond any tolerance a case may set, finite differences' included. */
export function skewed<K extends OpType>(kernel: Kernel<K>): Kernel<K> {
  return (inputs, attrs) =>
    kernel(inputs, attrs).map((y) => {
      const values = y.dataSync() as Float32Array;
      return cpuTensor(values.map((v) => v + 5e-2 * (1 + Math.abs(v))), y.shape);
    });
}

export const skewedConv2d: Kernel<'conv2d'> = skewed(KERNELS.conv2d!);
