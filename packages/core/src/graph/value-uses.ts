import type { AnyNormalizedNode, ValidatedGraph } from './graph';

/** Which node makes each value of a graph, and how many node inputs read it (graph outputs not counted). */
export interface ValueUses {
  readonly producer: ReadonlyMap<string, AnyNormalizedNode>;
  readonly readers: ReadonlyMap<string, number>;
}

/** The producer and reader count of every value, for graph rewrites that must know who else sees a value. */
export function valueUses(graph: ValidatedGraph): ValueUses {
  const producer = new Map<string, AnyNormalizedNode>();
  const readers = new Map<string, number>();
  for (const node of graph.nodes) {
    for (const o of node.outputs) producer.set(o, node);
    for (const i of node.inputs) readers.set(i, (readers.get(i) ?? 0) + 1);
  }
  return { producer, readers };
}
