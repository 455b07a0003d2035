import os from 'node:os';
import {
  type Backend, type BackendCapabilities, type BackendInfo, type BackendOptions, type CompileOptions, type Executable, type Graph, type TensorValue,
  CnnkitError, opsUsed, validateGraph,
} from '@cnnkit/core';
import { type ExportOnnxOptions, exportOnnx } from '@cnnkit/onnx';
import { type DeviceChoice, chooseDevice } from './device';
import { ortExecutable } from './executable';
import { type OnnxRuntimeBackendOptions, type ResolvedOptions, ORT_BACKEND_NAME, resolveOptions } from './options';
import { type OrtSession, ort, ortBinaryDir, ortVersion } from './ort';
import { probeGraph } from './probe-graph';
import { enqueueOrtWork } from './run-queue';
import { SessionCache, modelKey } from './session-cache';
import { ORT_OPS } from './supported-ops';
import { ortTensorFromHost } from './tensors';

const VERSION = '0.0.0';

type SessionOptions = ort.InferenceSession.SessionOptions;

function sessionOptions(options: ResolvedOptions, providers: readonly string[]): SessionOptions {
  return {
    executionProviders: [...providers],
    graphOptimizationLevel: options.graphOptimizationLevel,
    ...(options.intraOpNumThreads !== undefined ? { intraOpNumThreads: options.intraOpNumThreads } : {}),
    ...(options.interOpNumThreads !== undefined ? { interOpNumThreads: options.interOpNumThreads } : {}),
  };
}

/** Creates a session on ORT's queue, turning ORT's load errors into a CnnkitError naming the graph. */
async function createSession(bytes: Uint8Array, options: SessionOptions, graphName: string): Promise<OrtSession> {
  try {
    return await enqueueOrtWork(() => ort.InferenceSession.create(bytes, options));
  } catch (error) {
    throw new CnnkitError('BACKEND_INVALID', `graph '${graphName}': ONNX Runtime could not load the exported model: ${(error as Error).message}`, { graph: graphName }, { cause: error });
  }
}

/**
 * ONNX Runtime as a cnnkit backend: compile exports the graph to ONNX (@cnnkit/onnx) and opens an
 * InferenceSession on the execution provider the device policy chose. Graph-only and inference
 * only: no kernel table, no training.
 */
export class OnnxRuntimeBackend implements Backend {
  readonly name = ORT_BACKEND_NAME;
  readonly capabilities: BackendCapabilities;
  readonly #options: ResolvedOptions;
  readonly #choice: DeviceChoice;
  readonly #sessions: SessionCache;
  /** Graph objects already exported, by identity (graphs are immutable values): a second compile of one skips the export. */
  #keys = new WeakMap<Graph, string>();

  private constructor(options: ResolvedOptions, choice: DeviceChoice) {
    this.#options = options;
    this.#choice = choice;
    this.#sessions = new SessionCache(options.maxIdleSessions);
    this.capabilities = {
      training: false,
      eager: false,
      devices: choice.device === 'cuda' ? ['cuda', 'cpu'] : ['cpu'],
      dtypes: ['float32', 'int32'],
      ops: ORT_OPS,
    };
  }

  /** Checks the options and settles the device (probing CUDA unless told 'cpu'). */
  static async create(options: OnnxRuntimeBackendOptions | BackendOptions = {}): Promise<OnnxRuntimeBackend> {
    const resolved = resolveOptions(options);
    const choice = await chooseDevice(resolved.device, ortBinaryDir(), async () => {
      // ORT's own error, unwrapped: it is what the device policy quotes.
      const session = await enqueueOrtWork(() => ort.InferenceSession.create(exportOnnx(probeGraph()), sessionOptions(resolved, ['cuda'])));
      try {
        await enqueueOrtWork(() => session.run({ x: new ort.Tensor('float32', Float32Array.of(-1, 2), [2]) }));
      } finally {
        await session.release();
      }
    });
    return new OnnxRuntimeBackend(resolved, choice);
  }

  async info(): Promise<BackendInfo> {
    const o = this.#options;
    const threads = o.intraOpNumThreads !== undefined ? `${o.intraOpNumThreads} intra-op threads` : `ORT's default threads (${os.availableParallelism()} logical cores)`;
    const provider = this.#choice.device === 'cuda' ? 'CUDA execution provider (cpu for ops CUDA lacks)' : 'CPU execution provider';
    return {
      name: this.name,
      device: this.#choice.device,
      description: `ONNX Runtime ${ortVersion()}, ${provider}, ${threads}, graph optimisation '${o.graphOptimizationLevel}'`,
      versions: { 'onnxruntime-node': ortVersion(), '@cnnkit/backend-onnxruntime': VERSION, node: process.version },
      ...(this.#choice.fallback !== undefined ? { fallback: this.#choice.fallback } : {}),
    };
  }

  fromHost(value: TensorValue) {
    return ortTensorFromHost(value);
  }

  /** As torch.onnx.export writes an eval-mode model: BatchNorm folded into the convolution before it (unless told not to). */
  get #exportOptions(): ExportOnnxOptions {
    return { foldBatchNorm: this.#options.foldBatchNorm };
  }

  async compile(graph: Graph, options: CompileOptions = {}): Promise<Executable> {
    const g = validateGraph(graph);
    const missing = opsUsed(g).filter((op) => !this.capabilities.ops.includes(op));
    if (missing.length > 0) {
      throw new CnnkitError('UNSUPPORTED_OP', `backend '${this.name}' cannot run ${missing.join(', ')} used by graph '${options.label ?? g.name}': it is inference only (no backward kernels in ONNX)`, { ops: missing });
    }
    let key = this.#keys.get(graph);
    let bytes: Uint8Array | undefined;
    if (key === undefined || !this.#sessions.has(key)) {
      const exported: Uint8Array = exportOnnx(g, this.#exportOptions);
      bytes = exported;
      key = modelKey(exported);
      this.#keys.set(graph, key);
    }
    const made = bytes;
    const lease = await this.#sessions.acquire(key, () => createSession(made ?? exportOnnx(g, this.#exportOptions), sessionOptions(this.#options, this.#choice.executionProviders), options.label ?? g.name));
    return ortExecutable(g, lease);
  }

  /** Sessions cached now, in use or idle. */
  get sessionCount(): number {
    return this.#sessions.size;
  }

  dispose(): void {
    this.#sessions.clear();
    this.#keys = new WeakMap();
  }
}

/** What @cnnkit/core's createBackend('onnxruntime', options) calls. */
export function createBackend(options?: OnnxRuntimeBackendOptions | BackendOptions): Promise<OnnxRuntimeBackend> {
  return OnnxRuntimeBackend.create(options);
}
