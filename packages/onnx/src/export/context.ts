import { type AnyNormalizedNode, CnnkitError, type DType, type OpType, type TensorType, type ValidatedGraph, nodeWhere } from '@cnnkit/core';
import { makeNode, makeTensor } from '../proto/builders';
import { DATA_TYPE } from '../proto/enums';
import type { AttributeProto, NodeProto, TensorProto } from '../proto/types';

export const ONNX_DTYPE: Readonly<Record<DType, number>> = { float32: DATA_TYPE.FLOAT, int32: DATA_TYPE.INT32 };

/**
 * What the converters write into while one graph is exported: ONNX nodes and the helper
 * initializers they need (int64 shapes, axes, slice bounds). cnnkit's value, initializer and
 * node names are kept as they are (state-dict keys survive a round trip through ONNX); the names
 * this adds are derived from the cnnkit node's and made unique against every name in the graph.
 */
export class ExportContext {
  readonly graph: ValidatedGraph;
  readonly nodes: NodeProto[] = [];
  readonly initializers: TensorProto[] = [];
  readonly #valueNames = new Set<string>();
  readonly #nodeNames = new Set<string>();
  #current: AnyNormalizedNode | undefined;
  #currentNamed = false;

  constructor(graph: ValidatedGraph) {
    this.graph = graph;
    for (const name of graph.types.keys()) this.#valueNames.add(name);
    for (const node of graph.nodes) this.#nodeNames.add(node.name);
  }

  /** Starts the ONNX nodes of one cnnkit node: the first one emitted takes its name. */
  begin(node: AnyNormalizedNode): void {
    this.#current = node;
    this.#currentNamed = false;
  }

  where(node: { readonly name: string; readonly op: OpType }): string {
    return `exportOnnx: ${nodeWhere(this.graph, node)}`;
  }

  typeOf(value: string): TensorType {
    const type = this.graph.types.get(value);
    if (!type) throw new CnnkitError('INVALID_GRAPH', `exportOnnx: graph '${this.graph.name}' has no type for value '${value}'`);
    return type;
  }

  /** A static dimension of a value (conv, pool and slice shapes are static after validation). */
  staticDim(value: string, axis: number): number {
    const d = this.typeOf(value).shape[axis];
    if (typeof d !== 'number') throw new CnnkitError('INVALID_GRAPH', `exportOnnx: value '${value}' has the symbolic dimension ${String(d)} at axis ${axis}; expected a known size`);
    return d;
  }

  /** A new value name, unique in the graph, derived from the current node's name. */
  temp(hint: string): string {
    return this.#unique(this.#valueNames, `${this.#current?.name ?? this.graph.name}/${hint}`);
  }

  /** Adds an ONNX node of the current cnnkit node. */
  emit(opType: string, inputs: readonly string[], outputs: readonly string[], attribute: readonly AttributeProto[] = []): void {
    const base = this.#current?.name ?? opType;
    let name: string;
    if (!this.#currentNamed) {
      name = base;
      this.#currentNamed = true;
    } else {
      name = this.#unique(this.#nodeNames, `${base}/${opType}`);
    }
    this.nodes.push(makeNode(opType, inputs, outputs, { name, attribute }));
  }

  /** A helper int64 initializer (shapes, axes, bounds); returns its name. */
  int64(hint: string, values: readonly number[], dims: readonly number[] = [values.length]): string {
    const name = this.temp(hint);
    this.initializers.push(makeTensor({ name, dims: [...dims], dataType: DATA_TYPE.INT64, int64Data: [...values] }));
    return name;
  }

  /** A helper scalar initializer of another type (dropout's ratio and training_mode). */
  scalar(hint: string, dataType: number, value: number): string {
    const name = this.temp(hint);
    const fields = dataType === DATA_TYPE.FLOAT ? { floatData: Float32Array.of(value) } : { int32Data: Int32Array.of(value) };
    this.initializers.push(makeTensor({ name, dims: [], dataType, ...fields }));
    return name;
  }

  #unique(used: Set<string>, base: string): string {
    let name = base;
    for (let i = 1; used.has(name); i++) name = `${base}_${i}`;
    used.add(name);
    return name;
  }
}
