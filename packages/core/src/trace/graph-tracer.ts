import type { EngineTracer } from '../eager/engine';
import { CnnkitError } from '../errors';
import type { AnyGraphNode } from '../graph/graph';
import type { OpAttrs, OpType } from '../ops/attributes';
import type { TensorType } from '../ops/op-def';
import type { DType } from '../tensor/dtype';
import { type StaticShape, formatShape, isStaticShape } from '../tensor/shape';
import type { Tensor, TensorValue } from '../tensor/tensor';
import { type PlaceholderHandle, TRACE_BACKEND, placeholderTensor } from './placeholder';

/**
 * Records a forward pass as graph nodes. Placeholders stand for the values the ops would make;
 * tensors that are not placeholders (parameters, buffers, constants made before the trace) and
 * uploads made during it become initializers. Nodes and constants are named after the module
 * that ran them ('layer1.0/relu', 'layer1.0/const_0'), so the graph reads like the model.
 */
export class GraphTracer implements EngineTracer {
  readonly nodes: AnyGraphNode[] = [];
  readonly initializers: Record<string, TensorValue> = {};
  /** The static shape each value had while tracing (with placeholder sizes for symbolic dims). */
  readonly tracedShapes = new Map<string, StaticShape>();
  readonly #trace: string;
  readonly #names = new Map<Tensor, string>();
  readonly #stateNames: ReadonlyMap<Tensor, string>;
  readonly #modulePaths: ReadonlyMap<object, string>;
  readonly #scopes: string[] = [];
  readonly #used = new Set<string>();
  readonly #counters = new Map<string, number>();
  readonly #copyState: boolean;

  constructor(trace: string, stateNames: ReadonlyMap<Tensor, string>, modulePaths: ReadonlyMap<object, string>, copyState = true) {
    this.#trace = trace;
    this.#copyState = copyState;
    this.#stateNames = stateNames;
    this.#modulePaths = modulePaths;
    for (const name of stateNames.values()) this.#used.add(name);
  }

  /** A placeholder for a graph input. */
  input(name: string, dtype: DType, shape: StaticShape): Tensor {
    this.#used.add(name);
    return this.#placeholder(name, dtype, shape);
  }

  runOp(op: OpType, inputs: readonly Tensor[], attrs: OpAttrs<OpType>, outputs: readonly TensorType[]): Tensor[] {
    const inputNames = inputs.map((t) => this.nameOf(t));
    const name = this.#fresh(this.#scoped(op));
    const results = outputs.map((type, i) => {
      if (!isStaticShape(type.shape)) {
        throw new CnnkitError('INVALID_ARGUMENT', `traceModule('${this.#trace}'): ${op} (node '${name}') inferred the shape ${formatShape(type.shape)}; expected a static shape while tracing`);
      }
      return this.#placeholder(`${name}:${i}`, type.dtype, type.shape);
    });
    const outputNames = results.map((t) => this.#names.get(t)!);
    this.nodes.push({ name, op, inputs: inputNames, outputs: outputNames, attrs } as AnyGraphNode);
    return results;
  }

  upload(value: TensorValue): Tensor {
    const name = this.#fresh(this.#scoped('const'));
    this.initializers[name] = copyValue(value);
    this.tracedShapes.set(name, value.shape);
    return this.#placeholder(name, value.dtype, value.shape);
  }

  within<T>(module: object, run: () => T): T {
    this.#scopes.push(this.#modulePaths.get(module) ?? this.#scopes[this.#scopes.length - 1] ?? '');
    try {
      return run();
    } finally {
      this.#scopes.pop();
    }
  }

  /** The graph value a tensor stands for; parameters, buffers and outside constants become initializers on first use. */
  nameOf(t: Tensor): string {
    const known = this.#names.get(t);
    if (known !== undefined) return known;
    if (t.backend === TRACE_BACKEND) {
      const handle = t.handle as PlaceholderHandle;
      throw new CnnkitError('INVALID_ARGUMENT', `traceModule('${this.#trace}'): a placeholder of trace '${handle.trace}' ('${handle.value}') was used in another trace; expected tensors of this trace, parameters, buffers or constants`);
    }
    const state = this.#stateNames.get(t);
    const name = state ?? this.#fresh(this.#scoped('const'));
    const value = { dtype: t.dtype, shape: t.shape, data: t.dataSync() };
    this.initializers[name] = state !== undefined && !this.#copyState ? { ...value, shape: [...value.shape] } : copyValue(value);
    this.tracedShapes.set(name, t.shape);
    this.#names.set(t, name);
    return name;
  }

  #placeholder(name: string, dtype: DType, shape: StaticShape): Tensor {
    const t = placeholderTensor({ value: name, trace: this.#trace }, dtype, shape);
    this.#names.set(t, name);
    this.tracedShapes.set(name, shape);
    return t;
  }

  #scoped(what: string): string {
    const path = this.#scopes[this.#scopes.length - 1] ?? '';
    return path ? `${path}/${what}` : what;
  }

  /** `base` if unused, else base_1, base_2, ...; constants always count from const_0. */
  #fresh(base: string): string {
    const numbered = base.endsWith('const');
    let n = this.#counters.get(base) ?? 0;
    let name = numbered ? `${base}_${n}` : n === 0 ? base : `${base}_${n}`;
    while (this.#used.has(name) || this.#used.has(`${name}:0`)) {
      n++;
      name = `${base}_${n}`;
    }
    this.#counters.set(base, n + 1);
    this.#used.add(name);
    return name;
  }
}

/** A copy, so the graph stays as traced when training later replaces or a backend reuses the buffers. */
function copyValue(value: TensorValue): TensorValue {
  return { dtype: value.dtype, shape: [...value.shape], data: value.data.slice() };
}
