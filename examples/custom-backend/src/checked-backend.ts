import {
  type Backend, type BackendCapabilities, type BackendInfo, type BackendOptions, type Executable, type Graph,
  type Kernel, type KernelTable, type OpAttrs, type OpType, type Tensor, type TensorValue,
  CnnkitError, createBackend as createCoreBackend,
} from '@cnnkit/core';
import { CHECKED_BACKEND_NAME, unwrapTensor, wrapTensor } from './checked-tensor';
import { compileChecked } from './compile-checked';
import { type NamedValues, assertFinite, firstNonFinite } from './finite-check';
import { type OpTiming, TimingRecorder } from './timings';

/** What to do with an output NaN / Inf when an input already held one. */
export type NonFiniteInputPolicy = 'propagate' | 'reject';

export interface CheckedBackendOptions extends BackendOptions {
  /** The backend that does the work: a Backend, or a name for core's createBackend. Default 'cpu'. */
  readonly delegate?: Backend | string;
  /**
   * 'propagate' (default): a NaN / Inf in an output is an error only when every input was
   * finite, so values that were already bad flow through (max pool propagates NaN, as PyTorch
   * does). 'reject': any NaN / Inf in any output is an error.
   */
  readonly nonFiniteInputs?: NonFiniteInputPolicy;
}

/**
 * A backend written against core's contract that runs another backend's kernels and checks every
 * op output for NaN / Inf, throwing NON_FINITE where a bad value first appears; it also records
 * the wall time of every op (`timings()`).
 */
export class CheckedBackend implements Backend {
  readonly name = CHECKED_BACKEND_NAME;
  readonly capabilities: BackendCapabilities;
  readonly kernels?: KernelTable;
  readonly delegate: Backend;
  readonly nonFiniteInputs: NonFiniteInputPolicy;
  readonly #timings = new TimingRecorder();

  constructor(delegate: Backend, nonFiniteInputs: NonFiniteInputPolicy = 'propagate') {
    this.delegate = delegate;
    this.nonFiniteInputs = nonFiniteInputs;
    // Claim exactly what the delegate claims: the conformance suite plans its cases from this.
    this.capabilities = { ...delegate.capabilities };
    if (delegate.kernels) this.kernels = this.#checkedKernels(delegate.kernels);
  }

  /** info() tells the truth: the device is the delegate's, fallback included. */
  async info(): Promise<BackendInfo> {
    const inner = await this.delegate.info();
    return {
      ...inner,
      name: this.name,
      description: `NaN / Inf checks and per-op timing over backend '${inner.name}': ${inner.description}`,
      versions: { ...inner.versions, '@cnnkit/example-custom-backend': '0.0.0' },
    };
  }

  /** Makes a checked tensor from host values (core's engine uploads with it). */
  readonly fromHost = (value: TensorValue): Tensor => {
    if (!this.delegate.fromHost) {
      throw new CnnkitError('BACKEND_INVALID', `backend '${this.delegate.name}' has no fromHost; the checked backend needs it to hold tensors`, { backend: this.delegate.name });
    }
    return wrapTensor(this.delegate.fromHost(value));
  };

  async compile(graph: Graph): Promise<Executable> {
    return compileChecked(graph, this);
  }

  /** Per-op wall time since creation or the last resetTimings(), slowest first. */
  timings(): OpTiming[] {
    return this.#timings.report();
  }

  resetTimings(): void {
    this.#timings.reset();
  }

  /**
   * Runs one of the delegate's kernels on checked tensors: unwraps, times, checks each output,
   * wraps. `where` names the op or the graph node in errors.
   */
  callKernel<K extends OpType>(op: K, inputs: readonly Tensor[], attrs: OpAttrs<K>, where: string, inputNames?: readonly string[]): Tensor[] {
    const kernel = this.delegate.kernels?.[op] as Kernel<K> | undefined;
    if (!kernel) throw new CnnkitError('UNSUPPORTED_OP', `${where}: backend '${this.delegate.name}' has no kernel for ${op}`, { op });
    const inner = inputs.map((t, i) => unwrapTensor(t, `${where} input ${i}`));
    const outputs = this.#timings.time(op, () => kernel(inner, attrs));
    try {
      const readInputs = () => inner.map((t, i) => ({ name: inputNames?.[i] ?? `input ${i}`, tensor: t, values: t.dataSync() }));
      outputs.forEach((out, k) => this.checkOutput(out, out.dataSync(), `output ${k}`, where, readInputs));
    } catch (error) {
      for (const out of outputs) out.dispose();
      throw error;
    }
    return outputs.map(wrapTensor);
  }

  /**
   * Throws NON_FINITE when `values` (the output's) hold a NaN / Inf that the policy does not let
   * through. Inputs are read only then, so the check costs one pass over each output.
   */
  checkOutput(output: Tensor, values: ArrayLike<number>, outputName: string, where: string, readInputs: () => NamedValues[]): void {
    if (output.dtype !== 'float32' || firstNonFinite(values) === undefined) return;
    const inputs = readInputs();
    const inputHadOne = inputs.some((i) => i.tensor.dtype === 'float32' && firstNonFinite(i.values) !== undefined);
    if (inputHadOne && this.nonFiniteInputs === 'propagate') return;
    assertFinite(output, values, outputName, { where, inputs });
  }

  /** Records a span of time under a name that is not an op (a graph-only delegate's whole run). */
  recordTime(name: string, ms: number): void {
    this.#timings.add(name, ms);
  }

  async dispose(): Promise<void> {
    await this.delegate.dispose?.();
  }

  #checkedKernels(inner: KernelTable): KernelTable {
    const table: Partial<Record<OpType, Kernel<OpType>>> = {};
    for (const op of Object.keys(inner) as OpType[]) {
      table[op] = (inputs, attrs) => this.callKernel(op, inputs, attrs, `eager op ${op}`);
    }
    return table as KernelTable;
  }
}

/**
 * What core's createBackend('@cnnkit/example-custom-backend') calls. Options other than this
 * backend's own go to the delegate when it is given by name.
 */
export async function createBackend(options: CheckedBackendOptions = {}): Promise<CheckedBackend> {
  const { delegate = 'cpu', nonFiniteInputs, ...delegateOptions } = options;
  if (nonFiniteInputs !== undefined && nonFiniteInputs !== 'propagate' && nonFiniteInputs !== 'reject') {
    throw new CnnkitError('INVALID_ARGUMENT', `checked backend option nonFiniteInputs: given '${String(nonFiniteInputs)}'; expected 'propagate' or 'reject'`);
  }
  const inner = typeof delegate === 'string' ? await createCoreBackend(delegate, delegateOptions, { resolveFrom: [import.meta.url] }) : delegate;
  return new CheckedBackend(inner, nonFiniteInputs);
}
