import { CnnkitError } from '../errors';
import type { AttrsInput, OpType } from '../ops/attributes';
import type { DType } from '../tensor/dtype';
import type { Shape } from '../tensor/shape';
import type { TensorValue } from '../tensor/tensor';
import type { AnyGraphNode, Graph, ValidatedGraph, ValueInfo } from './graph';
import { validateGraph } from './validate';

/**
 * Builds a graph node by node. Value and node names are generated unless given, so a model's
 * trace reads like its forward pass.
 *
 *   const g = new GraphBuilder('tiny');
 *   const x = g.input('x', 'float32', ['N', 1, 28, 28]);
 *   const y = g.op('conv2d', [x, g.initializer('conv1.weight', w)], { pads: 2 });
 *   const graph = g.output(y).build();
 */
export class GraphBuilder {
  readonly #name: string;
  readonly #inputs: ValueInfo[] = [];
  readonly #outputs: string[] = [];
  readonly #initializers: Record<string, TensorValue> = {};
  readonly #nodes: AnyGraphNode[] = [];
  readonly #counters = new Map<string, number>();

  constructor(name: string) {
    this.#name = name;
  }

  input(name: string, dtype: DType, shape: Shape): string {
    this.#inputs.push({ name, dtype, shape: [...shape] });
    return name;
  }

  initializer(name: string, value: TensorValue): string {
    if (name in this.#initializers) {
      throw new CnnkitError('INVALID_GRAPH', `graph '${this.#name}': initializer '${name}' is added twice`);
    }
    this.#initializers[name] = value;
    return name;
  }

  /** Adds a node with one output and returns the output's name. */
  op<K extends OpType>(op: K, inputs: readonly string[], attrs: AttrsInput<K> = {}, name?: string): string {
    const nodeName = name ?? this.#fresh(op);
    const output = `${nodeName}:0`;
    this.#nodes.push({ name: nodeName, op, inputs: [...inputs], outputs: [output], attrs } as AnyGraphNode);
    return output;
  }

  output(...names: string[]): this {
    this.#outputs.push(...names);
    return this;
  }

  /** The graph as built, validated (throws with the offending node named). */
  build(): ValidatedGraph {
    const graph: Graph = {
      name: this.#name,
      inputs: [...this.#inputs],
      outputs: [...this.#outputs],
      initializers: { ...this.#initializers },
      nodes: [...this.#nodes],
    };
    return validateGraph(graph);
  }

  #fresh(op: string): string {
    const n = this.#counters.get(op) ?? 0;
    this.#counters.set(op, n + 1);
    return `${op}_${n}`;
  }
}
