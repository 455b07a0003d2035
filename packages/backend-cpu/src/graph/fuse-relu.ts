import { type AnyGraphNode, type Graph, type ValidatedGraph, valueUses } from '@cnnkit/core';

/** Ops whose kernels can apply a following relu to their own fresh output. */
const RELU_PRODUCERS = new Set<string>(['conv1d', 'conv2d', 'linear', 'add']);

export interface FuseReluResult {
  readonly graph: Graph;
  /** Names of the nodes that now end in a relu (they took over the relu's output name). */
  readonly fused: ReadonlySet<string>;
}

/**
 * Removes every relu whose input comes straight from a convolution, linear layer or add that
 * nothing else reads, and has that node write the relu's output instead: its kernel applies the
 * relu in the same pass that finishes its output (the bias add of a convolution), so the
 * intermediate tensor is never made. relu is exact, so the fused graph computes the same values.
 */
export function fuseRelu(graph: ValidatedGraph): FuseReluResult {
  const { producer, readers } = valueUses(graph);
  const graphOutputs = new Set(graph.outputs);
  const replaced = new Map<string, AnyGraphNode>();
  const dropped = new Set<string>();
  for (const relu of graph.nodes) {
    if (relu.op !== 'relu') continue;
    const x = relu.inputs[0]!;
    const before = producer.get(x);
    if (!before || !RELU_PRODUCERS.has(before.op) || before.outputs.length !== 1 || readers.get(x) !== 1 || graphOutputs.has(x)) continue;
    replaced.set(before.name, { ...before, outputs: relu.outputs } as AnyGraphNode);
    dropped.add(relu.name);
  }
  const nodes = graph.nodes.filter((n) => !dropped.has(n.name)).map((n) => replaced.get(n.name) ?? (n as AnyGraphNode));
  return {
    graph: { name: graph.name, inputs: graph.inputs, outputs: graph.outputs, initializers: graph.initializers, nodes },
    fused: new Set(replaced.keys()),
  };
}
