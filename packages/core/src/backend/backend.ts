import type { OpAttrs, OpType } from '../ops/attributes';
import type { DType } from '../tensor/dtype';
import type { Tensor, TensorValue } from '../tensor/tensor';
import type { Graph, ValueInfo } from '../graph/graph';

/** Devices a backend may run on; backends may name others ('webgl', 'webgpu'). */
export type DeviceKind = 'cpu' | 'cuda' | 'wasm' | (string & {});

export interface BackendCapabilities {
  /** Runs the backward kernels that training needs. */
  readonly training: boolean;
  /** Provides a kernel table so core can run ops one by one. */
  readonly eager: boolean;
  readonly devices: readonly DeviceKind[];
  readonly dtypes: readonly DType[];
  readonly ops: readonly OpType[];
}

/** What a backend is really running on: checked, not configured. */
export interface BackendInfo {
  readonly name: string;
  readonly device: DeviceKind;
  /** Human-readable detail: CPU model and threads, GPU name, engine. */
  readonly description: string;
  readonly versions: Readonly<Record<string, string>>;
  /** Set when the backend fell back from the device that was asked for, saying why. */
  readonly fallback?: string;
}

export interface Executable {
  readonly inputs: readonly ValueInfo[];
  readonly outputs: readonly string[];
  run(feeds: Readonly<Record<string, Tensor>>): Promise<Record<string, Tensor>>;
  dispose(): void;
}

/** An eager kernel: tensors of this backend in, tensors of this backend out. */
export type Kernel<K extends OpType> = (inputs: readonly Tensor[], attrs: OpAttrs<K>) => Tensor[];
export type KernelTable = { readonly [K in OpType]?: Kernel<K> };

export interface CompileOptions {
  /** Name used in error messages and caches. */
  readonly label?: string;
}

/**
 * One Adam / AdamW step of one parameter, the update core's adamUpdate composes from elementwise
 * ops (train/optimizers/adam-update.ts; without amsgrad): the tensors live on the backend, the
 * hyper-parameters are plain numbers, `step` counts from 1. `expAvg` / `expAvgSq` are absent on
 * the first step (torch starts them at zero).
 */
export interface FusedAdamStep {
  readonly param: Tensor;
  readonly grad: Tensor;
  readonly expAvg?: Tensor;
  readonly expAvgSq?: Tensor;
  readonly lr: number;
  readonly beta1: number;
  readonly beta2: number;
  readonly eps: number;
  readonly weightDecay: number;
  /** AdamW: the decay scales the parameter; Adam: it is added to the gradient. */
  readonly decoupled: boolean;
  readonly step: number;
}

/** A fused update's new tensors (new tensors: the inputs are left as they were). */
export interface FusedAdamResult {
  readonly param: Tensor;
  readonly expAvg: Tensor;
  readonly expAvgSq: Tensor;
}

/**
 * Optimizer updates a backend runs as one kernel rather than the dozen elementwise ops (and
 * their dispatches and intermediate tensors) core composes them from. Optional: core's
 * optimizers use one where the backend has it, and the composed update is the reference it must
 * match bit for bit (the same float32 operations in the same order).
 */
export interface FusedUpdates {
  adam?(step: FusedAdamStep): FusedAdamResult;
}

/**
 * The contract every backend implements. Graph-only backends (ONNX Runtime) provide `compile`;
 * eager backends (cpu, tfjs) also provide `kernels`, which core's autograd runs op by op.
 */
export interface Backend {
  readonly name: string;
  readonly capabilities: BackendCapabilities;
  info(): Promise<BackendInfo>;
  compile(graph: Graph, options?: CompileOptions): Promise<Executable>;
  /** Makes a tensor of this backend from host values. */
  fromHost?(value: TensorValue): Tensor;
  readonly kernels?: KernelTable;
  /** Fused optimizer updates (eager backends may have them; see FusedUpdates). */
  readonly fusedUpdates?: FusedUpdates;
  dispose?(): Promise<void> | void;
}

export interface BackendOptions {
  readonly device?: string;
  readonly [option: string]: unknown;
}

/** What a backend package exports: `export const createBackend: BackendFactory`. */
export type BackendFactory = (options?: BackendOptions) => Backend | Promise<Backend>;
