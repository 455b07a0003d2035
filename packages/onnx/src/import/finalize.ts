import { type AnyGraphNode, CnnkitError, type Graph, type ValidatedGraph, validateGraph } from '@cnnkit/core';
import type { ValueInfoProto } from '../proto/types';
import type { ImportState } from './import-state';
import type { RuntimeValue } from './values';

/** The core value behind each ONNX graph output (constants become initializers). */
function outputValues(state: ImportState, outputs: readonly ValueInfoProto[]): RuntimeValue[] {
  return outputs.map((o) => {
    const where = `${state.source}: graph output '${o.name}'`;
    const v = state.values.get(o.name);
    if (!v) throw new CnnkitError('INVALID_GRAPH', `${where} is not produced by any node, input or initializer`, { output: o.name });
    if (v.kind === 'runtime') return v;
    if (v.kind === 'constant') return state.materialize(v, o.name, where);
    if (v.kind === 'unavailable') throw new CnnkitError('UNSUPPORTED_OP', `${where} ${v.reason}`, { output: o.name });
    throw new CnnkitError('UNSUPPORTED_OP', `${where} is padded by Pad node '${v.by}', and cnnkit has no pad op; expected that Pad to feed a Conv or an AveragePool`, { output: o.name });
  });
}

function renameValue(nodes: AnyGraphNode[], from: string, to: string): void {
  nodes.forEach((node, i) => {
    if (node.outputs.includes(from) || node.inputs.includes(from)) {
      nodes[i] = { ...node, inputs: node.inputs.map((x) => (x === from ? to : x)), outputs: node.outputs.map((x) => (x === from ? to : x)) } as AnyGraphNode;
    }
  });
}

/**
 * The core graph: outputs under their ONNX names (renaming the producing node's output, or an
 * identity reshape where the value is an input, an initializer or already another output), nodes
 * and initializers nothing reaches left out, then validated.
 */
export function finalizeGraph(state: ImportState, name: string, outputs: readonly ValueInfoProto[]): ValidatedGraph {
  const values = outputValues(state, outputs);
  const nodes = [...state.nodes];
  const initializers = { ...state.initializers };
  const producedByNode = new Set(nodes.flatMap((n) => n.outputs));
  const claimed = new Set<string>();
  const renamed = new Map<string, string>();
  outputs.forEach((o, k) => {
    const have = renamed.get(values[k]!.name) ?? values[k]!.name;
    if (have === o.name) {
      claimed.add(have);
      return;
    }
    if (producedByNode.has(have) && !claimed.has(have) && !state.isDefined(o.name)) {
      renameValue(nodes, have, o.name);
      renamed.set(have, o.name);
    } else if (have in initializers && !(o.name in initializers) && !state.isDefined(o.name)) {
      initializers[o.name] = initializers[have]!;
    } else {
      const rank = values[k]!.type.shape.length;
      nodes.push({ name: state.freshNodeName(`${o.name}/identity`), op: 'reshape', inputs: [have], outputs: [o.name], attrs: { shape: new Array<number>(rank).fill(0) } });
    }
    claimed.add(o.name);
  });

  const needed = new Set(outputs.map((o) => o.name));
  const kept: AnyGraphNode[] = [];
  for (let i = nodes.length - 1; i >= 0; i--) {
    const node = nodes[i]!;
    if (!node.outputs.some((o) => needed.has(o))) continue;
    kept.push(node);
    node.inputs.forEach((x) => needed.add(x));
  }
  const graph: Graph = {
    name,
    inputs: state.inputs,
    outputs: outputs.map((o) => o.name),
    initializers: Object.fromEntries(Object.entries(initializers).filter(([k]) => needed.has(k))),
    nodes: kept.reverse(),
  };
  return validateGraph(graph);
}
