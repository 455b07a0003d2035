import type { AttrsInput, OpAttrs, OpType } from '../ops/attributes';
import type { TensorType } from '../ops/op-def';
import type { DType } from '../tensor/dtype';
import type { Shape } from '../tensor/shape';
import type { TensorValue } from '../tensor/tensor';

/**
 * The graph IR: nodes are ops with attributes, edges are named values, parameters are named
 * initializers. It is what backends compile, what @cnnkit/onnx converts, and what a conformance
 * case is made of.
 */
export interface ValueInfo {
  readonly name: string;
  readonly dtype: DType;
  /** Strings are symbolic dimensions (a batch size known only at run time). */
  readonly shape: Shape;
}

export interface GraphNode<K extends OpType = OpType> {
  readonly name: string;
  readonly op: K;
  readonly inputs: readonly string[];
  readonly outputs: readonly string[];
  /** Attributes left out take the op's defaults. */
  readonly attrs: AttrsInput<K>;
}

export type AnyGraphNode = { [K in OpType]: GraphNode<K> }[OpType];

export interface Graph {
  readonly name: string;
  readonly inputs: readonly ValueInfo[];
  readonly outputs: readonly string[];
  readonly initializers: Readonly<Record<string, TensorValue>>;
  readonly nodes: readonly AnyGraphNode[];
}

/** A node whose attributes are complete and checked. */
export interface NormalizedNode<K extends OpType = OpType> extends Omit<GraphNode<K>, 'attrs'> {
  readonly attrs: OpAttrs<K>;
}

export type AnyNormalizedNode = { [K in OpType]: NormalizedNode<K> }[OpType];

/** A graph that passed validation: nodes in execution order, every value typed. */
export interface ValidatedGraph extends Graph {
  readonly nodes: readonly AnyNormalizedNode[];
  readonly types: ReadonlyMap<string, TensorType>;
  readonly validated: true;
}
