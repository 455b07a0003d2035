import { CnnkitError } from '../errors';
import type { OpType } from '../ops/attributes';
import type { TensorType } from '../ops/op-def';
import { getOpDef } from '../ops/op-set';
import { assertValidShape, formatShape, sizeOf } from '../tensor/shape';
import type { AnyGraphNode, AnyNormalizedNode, Graph, ValidatedGraph } from './graph';

function graphError(graph: Graph, message: string, details: Record<string, unknown> = {}): CnnkitError {
  return new CnnkitError('INVALID_GRAPH', `graph '${graph.name}': ${message}`, details);
}

export function nodeWhere(graph: Graph, node: Pick<AnyGraphNode, 'name' | 'op'>): string {
  return `${node.op} (node '${node.name}' in graph '${graph.name}')`;
}

function checkInputArity(node: AnyGraphNode, where: string): void {
  const specs = getOpDef(node.op).inputs;
  const variadic = specs[specs.length - 1]?.variadic === true;
  const required = specs.filter((s) => !s.optional).length;
  const max = variadic ? Infinity : specs.length;
  if (node.inputs.length < required || node.inputs.length > max) {
    const names = specs.map((s) => (s.optional ? `${s.name}?` : s.variadic ? `${s.name}...` : s.name)).join(', ');
    throw new CnnkitError('INVALID_GRAPH', `${where}: given ${node.inputs.length} inputs (${node.inputs.join(', ')}); expected (${names})`, { node: node.name });
  }
}

function checkInputDtypes(node: AnyGraphNode, types: readonly TensorType[], where: string): void {
  const specs = getOpDef(node.op).inputs;
  types.forEach((t, i) => {
    const spec = specs[Math.min(i, specs.length - 1)]!;
    if (!spec.dtypes.includes(t.dtype)) {
      throw new CnnkitError('DTYPE_MISMATCH', `${where}: input '${spec.name}' (${node.inputs[i]}) is ${t.dtype}; expected ${spec.dtypes.join(' or ')}`, { node: node.name, input: spec.name });
    }
  });
}

/**
 * Checks a graph end to end and returns it normalised: unique names, every input defined, no
 * cycles, known ops, arity, dtypes, attributes, and shapes inferred through every node.
 */
export function validateGraph(graph: Graph): ValidatedGraph {
  if ((graph as Partial<ValidatedGraph>).validated === true) return graph as ValidatedGraph;
  const types = new Map<string, TensorType>();
  const define = (name: string, type: TensorType, what: string): void => {
    if (!name) throw graphError(graph, `${what} has an empty name`);
    if (types.has(name)) throw graphError(graph, `value '${name}' is defined twice (again by ${what}); expected unique value names`, { value: name });
    types.set(name, type);
  };
  for (const input of graph.inputs) {
    assertValidShape(input.shape, `graph '${graph.name}' input '${input.name}'`);
    define(input.name, { dtype: input.dtype, shape: input.shape }, `graph input '${input.name}'`);
  }
  for (const [name, value] of Object.entries(graph.initializers)) {
    const where = `graph '${graph.name}' initializer '${name}'`;
    assertValidShape(value.shape, where);
    if (value.data.length !== sizeOf(value.shape)) {
      throw new CnnkitError('SHAPE_MISMATCH', `${where}: has ${value.data.length} values; expected ${sizeOf(value.shape)} for shape ${formatShape(value.shape)}`);
    }
    define(name, { dtype: value.dtype, shape: value.shape }, `initializer '${name}'`);
  }

  const pending = [...graph.nodes];
  const ordered: AnyNormalizedNode[] = [];
  const nodeNames = new Set<string>();
  while (pending.length > 0) {
    const index = pending.findIndex((n) => n.inputs.every((i) => types.has(i)));
    if (index < 0) {
      const stuck = pending[0]!;
      const missing = stuck.inputs.filter((i) => !types.has(i));
      const producedLater = missing.some((m) => pending.some((p) => p.outputs.includes(m)));
      throw graphError(graph, producedLater
        ? `nodes ${pending.map((p) => `'${p.name}'`).join(', ')} form a cycle; expected an acyclic graph`
        : `${nodeWhere(graph, stuck)} reads undefined value(s) ${missing.map((m) => `'${m}'`).join(', ')}; expected a graph input, an initializer or another node's output`, { node: stuck.name, missing });
    }
    const node = pending.splice(index, 1)[0]!;
    const where = nodeWhere(graph, node);
    if (nodeNames.has(node.name)) throw graphError(graph, `node name '${node.name}' is used twice; expected unique node names`);
    nodeNames.add(node.name);
    const def = getOpDef(node.op, where);
    checkInputArity(node, where);
    const inputTypes = node.inputs.map((i) => types.get(i)!);
    checkInputDtypes(node, inputTypes, where);
    const attrs = def.normalize(node.attrs as Readonly<Record<string, unknown>>, where);
    const outTypes = def.infer(inputTypes, attrs, where);
    if (node.outputs.length !== outTypes.length) {
      throw new CnnkitError('INVALID_GRAPH', `${where}: names ${node.outputs.length} outputs; expected ${outTypes.length} (${def.outputs.join(', ')})`);
    }
    node.outputs.forEach((o, i) => define(o, outTypes[i]!, `node '${node.name}'`));
    ordered.push({ ...node, attrs } as AnyNormalizedNode);
  }

  if (graph.outputs.length === 0) throw graphError(graph, 'has no outputs; expected at least one');
  for (const out of graph.outputs) {
    if (!types.has(out)) throw graphError(graph, `output '${out}' is not produced by any node, input or initializer`, { output: out });
  }
  return { ...graph, nodes: ordered, types, validated: true };
}

export function opsUsed(graph: Graph): OpType[] {
  return [...new Set(graph.nodes.map((n) => n.op))];
}
