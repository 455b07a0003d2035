import type { Backend, Kernel } from '../backend/backend';
import { CnnkitError } from '../errors';
import type { AttrsInput, OpAttrs, OpType } from '../ops/attributes';
import type { TensorType } from '../ops/op-def';
import { getOpDef } from '../ops/op-set';
import { formatShape, shapesEqual } from '../tensor/shape';
import { Tensor, type TensorValue } from '../tensor/tensor';

/** One executed op, as the autograd tape sees it. */
export interface OpRecord<K extends OpType = OpType> {
  readonly op: K;
  readonly attrs: OpAttrs<K>;
  readonly inputs: readonly Tensor[];
  readonly outputs: readonly Tensor[];
}

export type OpRecorder = (record: OpRecord) => void;

/**
 * While a model is traced into a graph (trace/trace-module.ts), the tracer receives every op and
 * every upload INSTEAD of the backend: it records them and returns placeholder tensors of the
 * types the op set infers. Nothing is computed and no tape records.
 */
export interface EngineTracer {
  runOp(op: OpType, inputs: readonly Tensor[], attrs: OpAttrs<OpType>, outputs: readonly TensorType[]): Tensor[];
  upload(value: TensorValue): Tensor;
  /** Runs a module's forward (`module` is an nn Module) so that its ops can be named after its path. */
  within<T>(module: object, run: () => T): T;
}

/**
 * Runs ops one by one on eager backends (cpu, tfjs): checks attributes and shapes with the op
 * set's own inference, dispatches to the backend's kernel, lets tapes record, and tracks the
 * tensors each `tidy` scope creates so they can be freed deterministically (tfjs needs it).
 */
class Engine {
  readonly #backends = new Map<string, Backend>();
  #current: Backend | undefined;
  readonly #scopes: Set<Tensor>[] = [];
  readonly #recorders: OpRecorder[] = [];
  #paused = 0;
  #tracer: EngineTracer | undefined;

  setBackend(backend: Backend): void {
    if (!backend.kernels) {
      throw new CnnkitError('UNSUPPORTED_OP', `backend '${backend.name}' runs whole graphs only (no eager kernels); eager execution and training need an eager backend such as 'cpu' or 'tfjs'`, { backend: backend.name });
    }
    this.#backends.set(backend.name, backend);
    this.#current = backend;
  }

  get backend(): Backend {
    if (!this.#current) {
      throw new CnnkitError('INVALID_ARGUMENT', "no eager backend is set; call setBackend(await createBackend('cpu')) first");
    }
    return this.#current;
  }

  /** The current backend, or undefined before setBackend (where `backend` throws). */
  get activeBackend(): Backend | undefined {
    return this.#current;
  }

  /** Moves host values onto the current backend, tracked by the enclosing scope. */
  upload(value: TensorValue): Tensor {
    if (this.#tracer) return this.track(this.#tracer.upload(value));
    const backend = this.backend;
    if (!backend.fromHost) throw new CnnkitError('BACKEND_INVALID', `backend '${backend.name}' cannot take host values (no fromHost)`);
    return this.track(backend.fromHost(value));
  }

  runOp<K extends OpType>(op: K, inputs: readonly Tensor[], attrsIn: AttrsInput<K> = {} as AttrsInput<K>): Tensor[] {
    const where = `${op} (eager)`;
    const def = getOpDef(op);
    if (this.#tracer) {
      const attrs = def.normalize(attrsIn as Readonly<Record<string, unknown>>, `${op} (traced)`);
      const types = def.infer(inputs.map((t) => ({ dtype: t.dtype, shape: t.shape })), attrs, `${op} (traced)`);
      return this.#tracer.runOp(op, inputs, attrs as OpAttrs<OpType>, types).map((t) => this.track(t));
    }
    const backend = this.#backendFor(inputs, where);
    const kernel = backend.kernels?.[op] as Kernel<K> | undefined;
    if (!kernel) {
      throw new CnnkitError('UNSUPPORTED_OP', `${where}: backend '${backend.name}' has no kernel for ${op}`, { op, backend: backend.name });
    }
    const attrs = def.normalize(attrsIn as Readonly<Record<string, unknown>>, where);
    const expected = def.infer(inputs.map((t) => ({ dtype: t.dtype, shape: t.shape })), attrs, where);
    const args = inputs.map((t) => (t.backend === backend.name ? t : this.upload({ dtype: t.dtype, shape: t.shape, data: t.dataSync() })));
    const outputs = kernel(args, attrs);
    outputs.forEach((t, i) => {
      const e = expected[i];
      if (!e || t.dtype !== e.dtype || !shapesEqual(t.shape, e.shape)) {
        throw new CnnkitError('BACKEND_INVALID', `${where}: backend '${backend.name}' returned ${t.dtype} ${formatShape(t.shape)} for output ${i}; expected ${e ? `${e.dtype} ${formatShape(e.shape)}` : 'no such output'}`);
      }
      this.track(t);
    });
    if (this.#paused === 0) {
      const record: OpRecord<K> = { op, attrs, inputs: args, outputs };
      for (const r of this.#recorders) r(record as unknown as OpRecord);
    }
    return outputs;
  }

  /** Runs fn and disposes every tensor it created except those reachable from its result and kept ones. */
  tidy<T>(fn: () => T): T {
    const scope = new Set<Tensor>();
    this.#scopes.push(scope);
    let result: T;
    try {
      result = fn();
    } finally {
      this.#scopes.pop();
    }
    const survivors = new Set<Tensor>();
    collectTensors(result, survivors);
    const parent = this.#scopes[this.#scopes.length - 1];
    for (const t of scope) {
      if (survivors.has(t)) parent?.add(t);
      else t.dispose();
    }
    return result;
  }

  /** Exempts a tensor from the enclosing tidy scopes (parameters, optimizer state). */
  keep<T extends Tensor>(t: T): T {
    for (const s of this.#scopes) s.delete(t);
    return t;
  }

  track<T extends Tensor>(t: T): T {
    this.#scopes[this.#scopes.length - 1]?.add(t);
    return t;
  }

  addRecorder(r: OpRecorder): () => void {
    this.#recorders.push(r);
    return () => {
      const i = this.#recorders.indexOf(r);
      if (i >= 0) this.#recorders.splice(i, 1);
    };
  }

  /** The active tracer, if a model is being traced into a graph. */
  get tracer(): EngineTracer | undefined {
    return this.#tracer;
  }

  /** Runs fn with every op and upload going to `tracer` instead of a backend (no nesting). */
  withTracer<T>(tracer: EngineTracer, fn: () => T): T {
    if (this.#tracer) throw new CnnkitError('INVALID_ARGUMENT', 'a model is already being traced; expected one trace at a time (traces do not nest)');
    this.#tracer = tracer;
    try {
      return fn();
    } finally {
      this.#tracer = undefined;
    }
  }

  /** Runs fn without recording ops on any tape (optimizer updates, running statistics). */
  noGrad<T>(fn: () => T): T {
    this.#paused++;
    try {
      return fn();
    } finally {
      this.#paused--;
    }
  }

  #backendFor(inputs: readonly Tensor[], where: string): Backend {
    const owner = inputs.find((t) => t.backend !== 'host')?.backend;
    if (owner === undefined) return this.backend;
    const backend = this.#backends.get(owner);
    if (!backend) {
      throw new CnnkitError('INVALID_ARGUMENT', `${where}: input lives on backend '${owner}', which is not set up for eager use; call setBackend() with it`);
    }
    const other = inputs.find((t) => t.backend !== 'host' && t.backend !== owner);
    if (other) {
      throw new CnnkitError('INVALID_ARGUMENT', `${where}: inputs live on backends '${owner}' and '${other.backend}'; expected one backend (move tensors with toBackend)`);
    }
    return backend;
  }
}

function collectTensors(value: unknown, into: Set<Tensor>): void {
  if (value === null || typeof value !== 'object') return;
  if (value instanceof Tensor) {
    into.add(value);
    return;
  }
  for (const v of Array.isArray(value) ? value : Object.values(value)) collectTensors(v, into);
}

export const engine = new Engine();

export function setBackend(backend: Backend): void {
  engine.setBackend(backend);
}

export function getBackend(): Backend {
  return engine.backend;
}

export function tidy<T>(fn: () => T): T {
  return engine.tidy(fn);
}

export function keep<T extends Tensor>(t: T): T {
  return engine.keep(t);
}

export function noGrad<T>(fn: () => T): T {
  return engine.noGrad(fn);
}

export function runOp<K extends OpType>(op: K, inputs: readonly Tensor[], attrs?: AttrsInput<K>): Tensor[] {
  return engine.runOp(op, inputs, attrs);
}
