import {
  type AnyGraphNode, type AttrsInput, CnnkitError, type OpType, type TensorType, type TensorValue, type ValueInfo, getOpDef,
} from '@cnnkit/core';
import { type HostTensor, toTensorValue } from './host-tensor';
import type { ConstantValue, RuntimeValue, Value } from './values';

/**
 * Everything one import builds up: what each ONNX value name stands for, and the core graph's
 * inputs, initializers and nodes. Core value names are the ONNX names where a core value is
 * what the ONNX value is; helper values get fresh names that collide with no ONNX name.
 */
export class ImportState {
  readonly source: string;
  readonly opset: number;
  readonly note: (message: string) => void;
  readonly values = new Map<string, Value>();
  readonly inputs: ValueInfo[] = [];
  readonly initializers: Record<string, TensorValue> = {};
  readonly nodes: AnyGraphNode[] = [];
  /** Every ONNX value name: fresh names avoid them. */
  readonly #reserved: ReadonlySet<string>;
  /** Names of core values defined so far. */
  readonly #defined = new Set<string>();
  readonly #nodeNames = new Set<string>();
  readonly #materialized = new Map<HostTensor, RuntimeValue>();

  constructor(source: string, opset: number, reserved: ReadonlySet<string>, note: (message: string) => void) {
    this.source = source;
    this.opset = opset;
    this.#reserved = reserved;
    this.note = note;
  }

  /** A value name no ONNX value and no core value has, built on `base`. */
  freshValueName(base: string): string {
    const taken = (n: string): boolean => this.#reserved.has(n) || this.#defined.has(n);
    if (!taken(base)) return base;
    for (let k = 1; ; k++) if (!taken(`${base}_${k}`)) return `${base}_${k}`;
  }

  freshNodeName(base: string): string {
    let name = base;
    for (let k = 1; this.#nodeNames.has(name); k++) name = `${base}_${k}`;
    this.#nodeNames.add(name);
    return name;
  }

  isDefined(name: string): boolean {
    return this.#defined.has(name);
  }

  addInput(info: ValueInfo): RuntimeValue {
    this.#claim(info.name, `graph input '${info.name}'`);
    this.inputs.push(info);
    return { kind: 'runtime', name: info.name, type: { dtype: info.dtype, shape: info.shape } };
  }

  /**
   * The constant as a core initializer, once per constant: under the ONNX name it came with when
   * that is free (initializers keep their names), else a fresh name on `base`.
   */
  materialize(c: ConstantValue, base: string, where: string): RuntimeValue {
    const known = this.#materialized.get(c.tensor);
    if (known) return known;
    const value = toTensorValue(c.tensor, where);
    const name = c.origin !== undefined && !this.#defined.has(c.origin) ? c.origin : this.freshValueName(c.origin ?? base);
    this.#claim(name, `initializer '${name}'`);
    this.initializers[name] = value;
    const runtime: RuntimeValue = { kind: 'runtime', name, type: { dtype: value.dtype, shape: value.shape } };
    this.#materialized.set(c.tensor, runtime);
    return runtime;
  }

  /** Adds a core node with one output named `output`; its type is inferred now, so later converters see shapes. */
  addNode<K extends OpType>(op: K, inputs: readonly RuntimeValue[], attrs: AttrsInput<K>, nodeName: string, output: string, where: string): RuntimeValue {
    const def = getOpDef(op);
    const opWhere = `${where} (as cnnkit ${op})`;
    const normalized = def.normalize(attrs as Readonly<Record<string, unknown>>, opWhere);
    const types: TensorType[] = def.infer(inputs.map((i) => i.type), normalized, opWhere);
    this.#claim(output, `node '${nodeName}'`);
    this.nodes.push({ name: nodeName, op, inputs: inputs.map((i) => i.name), outputs: [output], attrs } as AnyGraphNode);
    return { kind: 'runtime', name: output, type: types[0]! };
  }

  #claim(name: string, what: string): void {
    if (this.#defined.has(name)) throw new CnnkitError('INVALID_GRAPH', `${this.source}: ${what} defines '${name}' a second time; expected every ONNX value to be defined once`, { value: name });
    this.#defined.add(name);
  }
}
