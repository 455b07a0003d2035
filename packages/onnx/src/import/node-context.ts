import { type AttrsInput, CnnkitError, type CnnkitErrorCode, type OpType } from '@cnnkit/core';
import { dataTypeName } from '../proto/enums';
import type { NodeProto } from '../proto/types';
import { NodeAttributes } from './attributes';
import { type HostTensor, knownInts } from './host-tensor';
import type { ImportState } from './import-state';
import { type RuntimeValue, type Value, constant } from './values';

/**
 * One ONNX node as its converter sees it: attributes, inputs as run-time or constant values,
 * and the means to emit core nodes and define the node's outputs.
 */
export class NodeContext {
  readonly node: NodeProto;
  readonly attrs: NodeAttributes;
  /** Names the file, the op and the node: "model.onnx: Conv node '/conv1/Conv'". */
  readonly where: string;
  readonly #state: ImportState;
  readonly #baseName: string;
  #emitted = 0;

  constructor(state: ImportState, node: NodeProto, index: number) {
    this.#state = state;
    this.node = node;
    this.#baseName = node.name || `${node.opType}_${index}`;
    this.where = `${state.source}: ${node.opType} node '${this.#baseName}'`;
    this.attrs = new NodeAttributes(node, this.where);
  }

  /** The default-domain opset version the model imports. */
  get opset(): number {
    return this.#state.opset;
  }

  get opType(): string {
    return this.node.opType;
  }

  note(message: string): void {
    this.#state.note(`${this.where}: ${message}`);
  }

  error(code: CnnkitErrorCode, message: string, details: Record<string, unknown> = {}): CnnkitError {
    return new CnnkitError(code, `${this.where}: ${message}`, { node: this.#baseName, opType: this.node.opType, ...details });
  }

  /** An input cnnkit cannot import in this form: UNSUPPORTED_OP naming the node. */
  unsupported(message: string): CnnkitError {
    return this.error('UNSUPPORTED_OP', message);
  }

  /** Whether input i is given (optional inputs may be missing or the empty name). */
  has(i: number): boolean {
    return (this.node.input[i] ?? '') !== '';
  }

  inputName(i: number): string {
    return this.node.input[i] ?? '';
  }

  value(i: number): Value {
    const name = this.inputName(i);
    if (name === '') throw this.error('INVALID_GRAPH', `input ${i} is missing; expected a value there`);
    const v = this.#state.values.get(name);
    if (!v) throw this.error('INVALID_GRAPH', `input ${i} '${name}' is not defined by a graph input, an initializer or an earlier node`);
    if (v.kind === 'unavailable') throw this.unsupported(`input ${i} '${name}' ${v.reason}`);
    return v;
  }

  isConstant(i: number): boolean {
    return this.has(i) && this.value(i).kind === 'constant';
  }

  /** Input i as a core graph value: constants become initializers, a pending Pad is refused. */
  runtime(i: number): RuntimeValue {
    const v = this.value(i);
    if (v.kind === 'runtime') return v;
    if (v.kind === 'constant') return this.#state.materialize(v, this.inputName(i), `${this.where}: input ${i} '${this.inputName(i)}'`);
    if (v.kind === 'padded') throw this.unsupported(`input ${i} '${this.inputName(i)}' is padded by Pad node '${v.by}', and cnnkit has no pad op; expected that Pad to feed a Conv or an AveragePool (which take it into their own pads)`);
    throw this.unsupported(`input ${i} cannot be read`);
  }

  /** A host tensor made by this converter (a transposed weight, a scaled bias) as a core initializer named on `base`. */
  materialize(tensor: HostTensor, base: string): RuntimeValue {
    return this.#state.materialize(constant(tensor), base, `${this.where}: constant '${base}'`);
  }

  /** Input i's values, which must be known at import time (an initializer, a Constant or folded). */
  constant(i: number, what: string): HostTensor {
    const v = this.value(i);
    if (v.kind !== 'constant') {
      throw this.unsupported(`input ${i} '${this.inputName(i)}' (${what}) is computed at run time; expected a constant (an initializer, a Constant node, or something cnnkit folds, like Shape of a value with known dims)`);
    }
    return v.tensor;
  }

  /** A constant integer list input (axes, pads, a shape), known entries only. */
  ints(i: number, what: string): number[] {
    const t = this.constant(i, what);
    if (t.kind !== 'int') throw this.error('DTYPE_MISMATCH', `input ${i} '${this.inputName(i)}' (${what}) is a float tensor; expected int64 values`);
    if (t.shape.length > 1) throw this.error('SHAPE_MISMATCH', `input ${i} '${this.inputName(i)}' (${what}) has shape [${t.shape.join(', ')}]; expected a 1-D list`);
    return knownInts(t, this.where, `input ${i} (${what})`);
  }

  /** A constant integer input of any rank, flattened (Gather's indices), known entries only. */
  intValues(i: number, what: string): number[] {
    const t = this.constant(i, what);
    if (t.kind !== 'int') throw this.error('DTYPE_MISMATCH', `input ${i} '${this.inputName(i)}' (${what}) is a float tensor; expected integers`);
    return knownInts(t, this.where, `input ${i} (${what})`);
  }

  /** The ONNX element type name of a constant input, for messages. */
  describe(i: number): string {
    const v = this.value(i);
    if (v.kind === 'runtime') return `${v.type.dtype} [${v.type.shape.join(', ')}]`;
    if (v.kind === 'constant') return `${v.tensor.kind === 'int' ? dataTypeName(v.tensor.dataType) : 'FLOAT'} constant [${v.tensor.shape.join(', ')}]`;
    return v.kind;
  }

  /** Whether output i exists with a name (optional outputs may be left off). */
  wantsOutput(i: number): boolean {
    return (this.node.output[i] ?? '') !== '';
  }

  /**
   * Adds a core node. With `output` it produces ONNX output `output` (and is named after it);
   * otherwise it is a helper value with a fresh name.
   */
  emit<K extends OpType>(op: K, inputs: readonly RuntimeValue[], attrs: AttrsInput<K>, output?: number): RuntimeValue {
    const nodeName = this.#state.freshNodeName(this.#emitted++ === 0 ? this.#baseName : `${this.#baseName}/${op}`);
    const onnxOutput = output === undefined ? undefined : this.node.output[output];
    const outName = onnxOutput || this.#state.freshValueName(`${nodeName}:0`);
    const value = this.#state.addNode(op, inputs, attrs, nodeName, outName, this.where);
    if (output !== undefined && onnxOutput) this.#state.values.set(onnxOutput, value);
    return value;
  }

  /** Defines ONNX output i as an existing value (Identity, Dropout, folded results). */
  define(i: number, value: Value): void {
    const name = this.node.output[i];
    if (name) this.#state.values.set(name, value);
  }

  defineConstant(i: number, tensor: HostTensor): void {
    const name = this.node.output[i];
    if (name) this.#state.values.set(name, constant(tensor, name));
  }

  /** Optional outputs cnnkit cannot compute: fine unless something reads them. */
  refuseOutputs(from: number, reason: string): void {
    for (let i = from; i < this.node.output.length; i++) {
      if (this.wantsOutput(i)) this.define(i, { kind: 'unavailable', reason: `is output ${i} of ${this.node.opType} node '${this.#baseName}', which ${reason}` });
    }
  }
}
