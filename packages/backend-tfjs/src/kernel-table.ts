import { type Kernel, type KernelTable, type OpAttrs, type OpType, OP_TYPES } from '@cnnkit/core';
import * as tf from '@tensorflow/tfjs-core';
import type { TfKernel, TfKernelTable } from './kernels/tf-kernel';
import { unwrapTf, wrapTf } from './tensor';

/**
 * Makes the active tfjs engine the one this backend resolved to. tfjs keeps one global engine;
 * two cnnkit backends of this package (say tfjs-cpu and tfjs-wasm in one test file) take turns.
 * Switching to an engine that is already initialised completes synchronously (tf.setBackend only
 * awaits a first, asynchronous initialisation), and tfjs moves a tensor's data between engines
 * on first use, so tensors made under one engine stay usable under the other.
 */
export function activate(tfBackend: string): void {
  if (tf.engine().backendName !== tfBackend) void tf.setBackend(tfBackend);
}

/**
 * Wraps this package's tf.Tensor kernels as core kernels for one backend instance: activates its
 * engine, runs the kernel inside tf.tidy (intermediates are freed; only the outputs survive) and
 * wraps the outputs as cnnkit Tensors named after the backend.
 */
export function buildKernelTable(backend: string, tfBackend: string, kernels: TfKernelTable): KernelTable {
  const table: Partial<Record<OpType, Kernel<OpType>>> = {};
  for (const op of OP_TYPES) {
    const kernel = kernels[op] as TfKernel<OpType> | undefined;
    if (!kernel) continue;
    const where = `${backend} ${op}`;
    table[op] = (inputs, attrs: OpAttrs<OpType>) => {
      activate(tfBackend);
      const tfInputs = inputs.map((t) => unwrapTf(t, where));
      // An output that is an input (an identity) is cloned: the clone shares the data, and
      // disposing one never frees the other.
      const outs = tf.tidy(() => kernel(tfInputs, attrs).map((t) => (tfInputs.includes(t) ? t.clone() : t)));
      return outs.map((t) => wrapTf(backend, t, where));
    };
  }
  return table as KernelTable;
}
