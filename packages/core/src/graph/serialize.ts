import { CnnkitError } from '../errors';
import { type DType, isDType } from '../tensor/dtype';
import type { StaticShape } from '../tensor/shape';
import type { TensorValue } from '../tensor/tensor';
import type { AnyGraphNode, Graph, ValueInfo } from './graph';

export const GRAPH_FORMAT = 'cnnkit.graph/1';

/** The JSON form of a graph. Initializer values travel as base64 of little-endian bytes. */
export interface GraphJson {
  readonly format: typeof GRAPH_FORMAT;
  readonly name: string;
  readonly inputs: readonly ValueInfo[];
  readonly outputs: readonly string[];
  readonly initializers: Readonly<Record<string, { dtype: DType; shape: StaticShape; base64: string }>>;
  readonly nodes: readonly AnyGraphNode[];
}

function bytesOf(value: TensorValue): Uint8Array {
  // Typed arrays are little-endian on every platform Node runs on.
  return new Uint8Array(value.data.buffer, value.data.byteOffset, value.data.byteLength);
}

export function graphToJson(graph: Graph): GraphJson {
  const initializers: Record<string, { dtype: DType; shape: StaticShape; base64: string }> = {};
  for (const [name, value] of Object.entries(graph.initializers)) {
    initializers[name] = { dtype: value.dtype, shape: [...value.shape], base64: Buffer.from(bytesOf(value)).toString('base64') };
  }
  return {
    format: GRAPH_FORMAT,
    name: graph.name,
    inputs: graph.inputs.map((i) => ({ name: i.name, dtype: i.dtype, shape: [...i.shape] })),
    outputs: [...graph.outputs],
    initializers,
    nodes: graph.nodes.map((n) => ({ name: n.name, op: n.op, inputs: [...n.inputs], outputs: [...n.outputs], attrs: { ...n.attrs } }) as AnyGraphNode),
  };
}

export function serializeGraph(graph: Graph): string {
  return JSON.stringify(graphToJson(graph));
}

function formatError(message: string): CnnkitError {
  return new CnnkitError('INVALID_GRAPH', `graph JSON: ${message}`);
}

/** Parses a graph's JSON form; structural problems are reported here, semantic ones by validateGraph. */
export function graphFromJson(json: unknown): Graph {
  const j = (typeof json === 'string' ? JSON.parse(json) : json) as Partial<GraphJson> | null;
  if (!j || typeof j !== 'object') throw formatError(`given ${typeof j}; expected an object`);
  if (j.format !== GRAPH_FORMAT) throw formatError(`format is ${JSON.stringify(j.format)}; expected '${GRAPH_FORMAT}'`);
  if (!Array.isArray(j.inputs) || !Array.isArray(j.outputs) || !Array.isArray(j.nodes) || typeof j.initializers !== 'object') {
    throw formatError('expected arrays inputs, outputs, nodes and an initializers object');
  }
  const initializers: Record<string, TensorValue> = {};
  for (const [name, init] of Object.entries(j.initializers ?? {})) {
    if (!isDType(init.dtype)) throw formatError(`initializer '${name}' has dtype ${JSON.stringify(init.dtype)}; expected float32 or int32`);
    const bytes = Buffer.from(init.base64, 'base64');
    if (bytes.byteLength % 4 !== 0) throw formatError(`initializer '${name}' has ${bytes.byteLength} bytes; expected a multiple of 4`);
    const aligned = new ArrayBuffer(bytes.byteLength);
    new Uint8Array(aligned).set(bytes);
    initializers[name] = { dtype: init.dtype, shape: [...init.shape], data: init.dtype === 'float32' ? new Float32Array(aligned) : new Int32Array(aligned) };
  }
  return { name: String(j.name ?? 'graph'), inputs: j.inputs, outputs: j.outputs, initializers, nodes: j.nodes };
}

export function parseGraph(text: string): Graph {
  return graphFromJson(JSON.parse(text) as unknown);
}
