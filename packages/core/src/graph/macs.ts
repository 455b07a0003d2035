import { CnnkitError } from '../errors';
import type { OpType } from '../ops/attributes';
import { type Shape, type StaticShape, formatShape, isStaticShape, sizeOf } from '../tensor/shape';
import type { AnyGraphNode, Graph, ValueInfo } from './graph';
import { validateGraph } from './validate';

export interface NodeMacs {
  readonly name: string;
  readonly op: OpType;
  readonly macs: number;
  readonly outputShape: StaticShape;
}

export interface MacsReport {
  /** Multiply-accumulates of one run of the graph at `inputShapes`. */
  readonly total: number;
  /** Every node in execution order, 0 for those that are not counted. */
  readonly nodes: readonly NodeMacs[];
  /** The input shapes counted for (symbolic dimensions resolved). */
  readonly inputShapes: Readonly<Record<string, StaticShape>>;
}

/**
 * Multiply-accumulates of a graph, the fvcore / ptflops convention ("MACs of the conv and linear
 * layers", what papers report as FLOPs for ResNet-50's 4.1 G):
 *   conv1d / conv2d: output elements × (Cin / groups) × kernel area (bias not counted);
 *   linear: output elements × in_features; matmul: output elements × K (the shared axis);
 *   everything else (batch norm, activations, elementwise, pools, reshapes, the training-only
 *   backward ops): 0.
 *
 * Symbolic input dimensions count as 1 unless `inputShapes` gives the shape, so a graph with a
 * symbolic batch reports MACs per sample.
 */
export function countMacs(graph: Graph, inputShapes: Readonly<Record<string, StaticShape>> = {}): MacsReport {
  const where = `countMacs(graph '${graph.name}')`;
  for (const name of Object.keys(inputShapes)) {
    if (!graph.inputs.some((i) => i.name === name)) {
      throw new CnnkitError('INVALID_ARGUMENT', `${where}: inputShapes names '${name}', which is not a graph input; expected one of ${graph.inputs.map((i) => `'${i.name}'`).join(', ')}`);
    }
  }
  const inputs = graph.inputs.map((input) => concreteInput(input, inputShapes[input.name], where));
  // Re-validated from scratch: shape inference over the concrete inputs makes every value static.
  const concrete = validateGraph({ name: graph.name, inputs, outputs: graph.outputs, initializers: graph.initializers, nodes: graph.nodes as readonly AnyGraphNode[] });
  const shapeOf = (value: string): StaticShape => staticShape(concrete.types.get(value)!.shape, value, where);
  const nodes = concrete.nodes.map((node): NodeMacs => {
    const out = shapeOf(node.outputs[0]!);
    return { name: node.name, op: node.op, macs: nodeMacs(node.op, out, node.inputs.map(shapeOf)), outputShape: out };
  });
  return {
    total: nodes.reduce((sum, n) => sum + n.macs, 0),
    nodes,
    inputShapes: Object.fromEntries(inputs.map((i) => [i.name, i.shape as StaticShape])),
  };
}

function nodeMacs(op: OpType, out: StaticShape, inputs: readonly StaticShape[]): number {
  switch (op) {
    case 'conv1d':
    case 'conv2d': {
      const w = inputs[1]!; // [Cout, Cin / groups, ...kernel]
      return sizeOf(out) * sizeOf(w.slice(1));
    }
    case 'linear':
      return sizeOf(out) * inputs[1]![1]!; // weight [out, in]
    case 'matmul': {
      const a = inputs[0]!;
      return sizeOf(out) * a[a.length - 1]!;
    }
    default:
      return 0;
  }
}

function concreteInput(input: ValueInfo, given: StaticShape | undefined, where: string): ValueInfo {
  if (given === undefined) return { ...input, shape: input.shape.map((d) => (typeof d === 'string' ? 1 : d)) };
  const fits = given.length === input.shape.length && given.every((d, i) => Number.isInteger(d) && d >= 0 && (typeof input.shape[i] === 'string' || input.shape[i] === d));
  if (!fits) {
    throw new CnnkitError('SHAPE_MISMATCH', `${where}: inputShapes gives '${input.name}' the shape ${formatShape(given)}; expected a static shape matching ${formatShape(input.shape)}`, { input: input.name });
  }
  return { ...input, shape: [...given] };
}

function staticShape(shape: Shape, value: string, where: string): StaticShape {
  if (!isStaticShape(shape)) {
    throw new CnnkitError('SHAPE_MISMATCH', `${where}: value '${value}' has the shape ${formatShape(shape)} even with static inputs; expected every value static`);
  }
  return shape;
}
