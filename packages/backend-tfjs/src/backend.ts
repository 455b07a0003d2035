import os from 'node:os';
import {
  type Backend, type BackendCapabilities, type BackendInfo, type BackendOptions, type Executable, type Graph, type KernelTable, type Tensor, type TensorValue,
  OP_TYPES, TRAINING_OP_TYPES,
} from '@cnnkit/core';
import * as tf from '@tensorflow/tfjs-core';
import { type EngineLoader, type ResolvedEngine, resolveEngine } from './engine';
import { defaultEngineLoader, gpuInUse } from './engine-loader';
import { compileTfGraph } from './graph/compile-graph';
import { activate, buildKernelTable } from './kernel-table';
import { TF_KERNELS } from './kernels';
import type { TfKernelTable } from './kernels/tf-kernel';
import { tfFromHost, wrapTf } from './tensor';

const VERSION = '0.0.0';

export interface TfjsBackendOptions extends BackendOptions {
  /** 'tensorflow' (tfjs-node-gpu / tfjs-node), 'wasm', 'cpu' or 'auto' (the default). */
  readonly engine?: 'tensorflow' | 'wasm' | 'cpu' | 'auto';
  /** 'gpu' / 'cuda' strict, 'cpu', or 'auto' (the default: GPU when really in use, else says why). */
  readonly device?: 'gpu' | 'cuda' | 'cpu' | 'auto';
}

/**
 * cnnkit on TensorFlow.js. Eager: every op is a tfjs kernel over tf.Tensors (NCHW at the kernel's
 * edges, NHWC inside where tfjs wants it); compiled graphs run the same kernels as plain
 * tf.Tensors, with values kept in NHWC between the ops that allow it (src/graph). The engine is decided at creation (resolveEngine) and info() reports what is really
 * active.
 */
export class TfjsBackend implements Backend {
  readonly name: string;
  readonly kernels: KernelTable;
  readonly capabilities: BackendCapabilities;
  readonly #engine: ResolvedEngine;
  readonly #tfKernels: TfKernelTable;

  constructor(engine: ResolvedEngine, kernels: TfKernelTable = TF_KERNELS) {
    this.#engine = engine;
    this.#tfKernels = kernels;
    this.name = `tfjs-${engine.engine}`;
    this.kernels = buildKernelTable(this.name, engine.tfBackend, kernels);
    const ops = OP_TYPES.filter((op) => kernels[op] !== undefined);
    this.capabilities = {
      // Training needs every backward kernel; until all exist, gradient cases are skipped by capability.
      training: TRAINING_OP_TYPES.every((op) => kernels[op] !== undefined),
      eager: true,
      devices: engine.devices,
      dtypes: ['float32', 'int32'],
      ops,
    };
  }

  get engine(): ResolvedEngine {
    return this.#engine;
  }

  async info(): Promise<BackendInfo> {
    activate(this.#engine.tfBackend);
    await tf.ready();
    const active = tf.getBackend();
    // The tensorflow engine is asked again, now: its binding knows whether TensorFlow put ops on a GPU.
    const device = this.#engine.engine === 'tensorflow' ? (gpuInUse(tf.backend()) ? 'cuda' : 'cpu') : this.#engine.device;
    const cpus = os.cpus();
    const cpu = `${cpus[0]?.model.trim() ?? 'unknown CPU'} (${cpus.length} logical cores)`;
    const where = device === 'cuda' ? `GPU via ${this.#engine.packageName}` : device === 'wasm' ? `WebAssembly on ${cpu}` : cpu;
    const fallback = this.#engine.fallback;
    return {
      name: this.name,
      device,
      description: `TensorFlow.js engine '${active}' on ${where}, Node ${process.version}`,
      versions: { '@cnnkit/backend-tfjs': VERSION, '@tensorflow/tfjs-core': tf.version_core, ...this.#engine.versions, node: process.version },
      ...(fallback !== undefined ? { fallback } : {}),
    };
  }

  fromHost = (value: TensorValue): Tensor => {
    activate(this.#engine.tfBackend);
    return wrapTf(this.name, tfFromHost(value));
  };

  async compile(graph: Graph): Promise<Executable> {
    activate(this.#engine.tfBackend);
    const tfBackend = this.#engine.tfBackend;
    return compileTfGraph(graph, { backend: this.name, kernels: this.#tfKernels, activate: () => activate(tfBackend) });
  }

  /** Nothing engine-wide to release: tfjs engines are process-global and other backends may share them. */
  dispose(): void {}
}

/** `createBackend({ engine, device })`; the factory core's createBackend('tfjs', options) calls. */
export async function createBackend(options: TfjsBackendOptions = {}, loader: EngineLoader = defaultEngineLoader): Promise<TfjsBackend> {
  return new TfjsBackend(await resolveEngine(options, loader));
}
